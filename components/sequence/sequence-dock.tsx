'use client';

import { useI18n, withMessages } from '@/components/i18n/use-i18n';
import { Suspense, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useUi, useUiStore } from '@/stores/playback-context';
import { hint } from '../panels/commands';
import { ChevronIcon } from '../ui/icons';
import { preloadable } from '../ui/preloadable';

// The diagram's code (drawing, hit-testing, causal chains, export) loads when it is first
// opened, or ahead of that once the page is idle (usePrefetch), so the first page load
// carries only this dock.
const panel = preloadable(() => withMessages(import('./sequence-panel')));
const SequencePanel = panel.Component;

/** Fetches the diagram's code ahead of a click (see usePrefetch). */
export function prefetchSequence(): void {
  panel.preload();
}

/** Height of the open diagram on a wide screen (px): at first, and the least and most it may be dragged to. */
const START_H = 250;
const MIN_H = 140;
const MAX_SHARE = 0.75;

const selectOpen = (s: { sequenceOpen: boolean }) => s.sequenceOpen;

function Loading() {
  const { t } = useI18n();
  return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('ui.sequence.loading')}</p>;
}

/**
 * Where the sequence diagram lives in the player. On a wide screen: under the canvas, a bar
 * that opens it, with a handle to drag its height. On a phone: a second tab beside the
 * canvas, the diagram taking the canvas's place above the bottom sheet.
 */
export function SequenceDock() {
  const { t } = useI18n();
  const open = useUi(selectOpen);
  const ui = useUiStore();
  const [height, setHeight] = useState(START_H);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ y: number; h: number } | null>(null);
  const maxH = () => Math.max(MIN_H, (box.current?.parentElement?.clientHeight ?? 800) * MAX_SHARE);
  const clamp = (h: number) => Math.round(Math.max(MIN_H, Math.min(maxH(), h)));
  const toggle = (on: boolean) => ui.getState().setSequenceOpen(on);
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { y: e.clientY, h: height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setHeight(clamp(drag.current.h - (e.clientY - drag.current.y)));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.stopPropagation();
    setHeight(clamp(height + (e.key === 'ArrowUp' ? 24 : -24)));
  };
  return (
    <>
      {/* A phone: Canvas | Sequence tabs above the stage. */}
      <div role="tablist" aria-label={t('ui.sequence.views')} className="order-first flex shrink-0 gap-1 border-b border-slate-200 bg-white px-2 md:hidden dark:border-slate-800 dark:bg-slate-900">
        {[false, true].map((seq) => (
          <button
            key={String(seq)}
            type="button"
            role="tab"
            aria-selected={open === seq}
            data-testid={seq ? 'view-sequence' : 'view-canvas'}
            onClick={() => toggle(seq)}
            className={`-mb-px border-b-2 px-2.5 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              open === seq ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-600 dark:text-slate-400'
            }`}
          >
            {t(seq ? 'ui.sequence.tabSequence' : 'ui.sequence.tabCanvas')}
          </button>
        ))}
      </div>
      <div
        ref={box}
        data-testid="sequence-dock"
        data-open={open || undefined}
        className={`order-3 flex shrink-0 flex-col border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${open ? 'max-md:absolute max-md:inset-x-0 max-md:top-9 max-md:bottom-40 max-md:z-[15] max-md:border-t-0' : 'max-md:hidden'}`}
        style={open ? ({ '--seq-h': `${height}px` } as React.CSSProperties) : undefined}
      >
        {open && (
          <div
            role="separator"
            aria-orientation="horizontal"
            aria-label={t('ui.sequence.height')}
            aria-valuenow={height}
            aria-valuemin={MIN_H}
            tabIndex={0}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={() => (drag.current = null)}
            onKeyDown={onKey}
            className="h-1.5 shrink-0 cursor-row-resize bg-slate-100 hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-500 max-md:hidden dark:bg-slate-800 dark:hover:bg-indigo-900"
          />
        )}
        <button
          type="button"
          data-testid="sequence-toggle"
          aria-expanded={open}
          title={hint('sequence')}
          onClick={() => toggle(!open)}
          className={`flex h-7 shrink-0 items-center gap-1.5 px-3 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 max-md:hidden dark:text-slate-200 dark:hover:bg-slate-800 ${open ? 'md:hidden' : ''}`}
        >
          <ChevronIcon width={12} height={12} aria-hidden className={open ? 'rotate-90' : '-rotate-90'} />
          {t('ui.sequence.sequenceDiagram')}
        </button>
        {open && (
          <div className="flex min-h-0 flex-1 flex-col md:h-[var(--seq-h)] md:flex-none">
            <Suspense fallback={<Loading />}>
              <SequencePanel />
            </Suspense>
          </div>
        )}
      </div>
    </>
  );
}
