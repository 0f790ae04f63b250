'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lifelineIds, moveLifeline, toggleLifeline } from '@/stores/lifelines';
import { usePlayback, useUi, useUiStore } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import type { UiState } from '@/stores/ui-store';

const selectRunNodes = (s: PlaybackState) => ({ ids: s.sim.nodeIds, labels: s.labels });
const selectLifelines = (s: UiState) => s.lifelines;

const SMALL =
  'grid h-6 w-6 place-items-center rounded text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-30 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * The diagram's rows, to put in another order or hide: a list of every node with a box to
 * show it and buttons to move it up or down (the keyboard's way to do what dragging a name in
 * the gutter does). "Reset" goes back to the run's order with every row shown.
 */
export function LifelineMenu({ buttonClass }: { buttonClass: string }) {
  const [open, setOpen] = useState(false);
  const { ids, labels } = usePlayback(useShallow(selectRunNodes));
  const lifelines = useUi(selectLifelines);
  const ui = useUiStore();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  const rows = lifelineIds(ids, lifelines);
  const hidden = new Set(lifelines.hidden);
  const shown = rows.filter((id) => !hidden.has(id)).length;
  const { t } = useI18n();
  const set = (l: UiState['lifelines']) => ui.getState().setLifelines(l);
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls="lifeline-menu"
        data-testid="lifelines-button"
        title={t('ui.sequence.lifelinesTitle')}
        onClick={() => setOpen(!open)}
      >
        {shown < rows.length ? t('ui.sequence.rowsShown', { shown, total: rows.length }) : t('ui.sequence.rows')}
      </button>
      {open && (
        <div
          id="lifeline-menu"
          role="group"
          aria-label={t('ui.sequence.lifelines')}
          data-testid="lifeline-menu"
          className="absolute top-8 left-0 z-20 max-h-80 w-64 overflow-y-auto rounded-lg border border-slate-200 bg-white p-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <ol className="space-y-0.5">
            {rows.map((id, k) => {
              const name = labels[id] ?? id;
              return (
                <li key={id} className="flex items-center gap-1" data-testid="lifeline-row" data-node={id}>
                  <label className="flex min-w-0 flex-1 items-center gap-2 truncate py-0.5 text-slate-800 dark:text-slate-100">
                    <input type="checkbox" checked={!hidden.has(id)} onChange={() => set(toggleLifeline(lifelines, id))} />
                    <span className="truncate">{name}</span>
                  </label>
                  <button type="button" className={SMALL} aria-label={t('ui.sequence.moveUp', { name })} disabled={k === 0} onClick={() => set(moveLifeline(ids, lifelines, id, k - 1))}>
                    ↑
                  </button>
                  <button type="button" className={SMALL} aria-label={t('ui.sequence.moveDown', { name })} disabled={k === rows.length - 1} onClick={() => set(moveLifeline(ids, lifelines, id, k + 1))}>
                    ↓
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className={`${buttonClass} mt-1 w-full`} onClick={() => set({ order: [], hidden: [] })}>
            {t('ui.sequence.reset')}
          </button>
        </div>
      )}
    </div>
  );
}
