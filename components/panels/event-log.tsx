'use client';

import { memo, useCallback, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n/use-i18n';
import { useShallow } from 'zustand/react/shallow';
import { focusOf } from '@/stores/focus';
import { kindOf } from '@/stores/log-groups';
import { LOG_LIMIT, type NarratedEvent } from '@/stores/narration';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectLog, selectPlaying, selectSteps } from '@/stores/selectors';
import type { UiState } from '@/stores/ui-store';
import { selectPointed } from '@/stores/ui-selectors';
import { formatMs } from './format';
import { LogFilter } from './log-filter';
import { RowSlots } from './row-slots';
import { useReach, useRowWindow } from './use-row-window';
import { usePlayingThrottle } from './use-playing-throttle';

const selectLogView = (s: UiState) => ({ node: s.logNode, kinds: s.logKinds, focused: selectPointed(s)?.step ?? -1 });

const TONE: Partial<Record<string, string>> = {
  fault: 'text-amber-800 dark:text-amber-300',
  invariant: 'font-semibold text-red-700 dark:text-red-400',
};

/**
 * One line of the log. A line whose event, place and highlight stay the same is not rendered
 * again when the log moves on (the store keeps the lines it narrated before).
 */
const LogLine = memo(function LogLine({ e, current, focused, pick, point }: { e: NarratedEvent; current: boolean; focused: boolean; pick: (e: NarratedEvent) => void; point: (e: NarratedEvent | null) => void }) {
  const { say } = useI18n();
  return (
    <button
      type="button"
      onClick={() => pick(e)}
      onPointerEnter={() => point(e)}
      onPointerLeave={() => point(null)}
      onFocus={() => point(e)}
      onBlur={() => point(null)}
      aria-current={current ? 'step' : undefined}
      className={`grid w-full grid-cols-[4.75rem_1fr] gap-2 rounded-md px-2 py-1 text-left text-xs leading-snug hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 ${
        focused ? 'ring-2 ring-indigo-400 ring-inset' : ''
      } ${current ? 'bg-indigo-50 dark:bg-indigo-950/60' : ''}`}
    >
      <span className="pt-px text-right font-mono text-[10px] tabular-nums text-slate-600 dark:text-slate-400">{formatMs(e.t)}</span>
      <span className={TONE[kindOf(e.type)] ?? 'text-slate-700 dark:text-slate-300'}>{say(e.text)}</span>
    </button>
  );
});

/**
 * Events up to the cursor, newest first, filtered by node and kind. Choosing one moves the
 * cursor to just after it and points out the nodes (and link) it involves on the canvas;
 * resting the pointer (or keyboard focus) on one points them out, and its messages in the
 * sequence diagram and its time on the timeline, without moving the cursor.
 */
export function EventLog() {
  const { t } = useI18n();
  const steps = usePlayingThrottle(selectSteps);
  const playing = usePlayback(selectPlaying);
  const view = useUi(useShallow(selectLogView));
  const { reach, ref, onScroll } = useReach();
  // Playing, only a screenful of lines is narrated and shown: a busy run replaces them all at
  // each catch-up, and laying out 150 new lines a few times a second made those frames stutter.
  const rows = usePlayback((s) => selectLog(s, steps, view, playing ? Math.min(reach, LOG_LIMIT) : LOG_LIMIT));
  // A seek renders a screenful first (use-row-window.ts), in rows that keep their elements
  // (row-slots.ts): it used to remove all 150 rows and create 150 new ones. Playing, the few
  // rows shown change every frame and are rendered once each time.
  const shown = useRowWindow(rows, reach, !playing);
  const [slots] = useState(() => new RowSlots());
  const keys = useMemo(() => slots.assign(shown.map((e) => e.key)), [slots, shown]);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const point = useCallback((e: NarratedEvent | null) => ui.getState().setHover(e ? focusOf(playback.getState(), e.i) : null), [playback, ui]);
  const pick = useCallback(
    (e: NarratedEvent) => {
      playback.getState().seekStep(e.step + 1);
      ui.getState().setFocus(focusOf(playback.getState(), e.i));
    },
    [playback, ui],
  );
  return (
    <section aria-label={t('ui.panels.log-title')} className="flex min-h-0 flex-1 flex-col pt-2">
      <LogFilter />
      {rows.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-600 dark:text-slate-400">{steps === 0 ? t('ui.panels.log-empty') : t('ui.panels.log-noMatch')}</p>
      ) : (
        <ol ref={ref} onScroll={onScroll} data-testid="event-log" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3 [contain:strict]">
          {shown.map((e, row) => (
            // Rows below the first screenful skip layout and paint while out of view. Those of
            // the first screenful are always in it: locking and unlocking them as their text
            // changed while playing cost a re-layering of the whole page at each catch-up.
            <li key={keys[row]} data-testid="log-entry" data-type={e.type} data-step={e.step} className={row < reach ? undefined : '[contain-intrinsic-size:auto_26px] [content-visibility:auto]'}>
              <LogLine e={e} current={e.step === steps - 1} focused={e.step + 1 === view.focused} pick={pick} point={point} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
