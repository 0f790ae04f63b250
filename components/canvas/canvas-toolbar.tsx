'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { Panel, useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectActions, selectHistory } from '@/stores/selectors';
import { selectEditing, selectFitRequest } from '@/stores/ui-selectors';
import { command, hint } from '../panels/commands';
import { PencilIcon, RedoIcon, UndoIcon } from '../ui/icons';
import { Legend } from './legend';

const tool =
  'grid h-8 w-8 place-items-center text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-35 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

/** Layered boxes joined by links: the auto-layout button. */
const LayoutIcon = () => (
  <svg width={15} height={15} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <rect x="2" y="4" width="6" height="5" rx="1" />
    <rect x="2" y="15" width="6" height="5" rx="1" />
    <rect x="16" y="9.5" width="6" height="5" rx="1" />
    <path d="M8 6.5h3.5a2 2 0 0 1 2 2V10a2 2 0 0 0 2 2H16M8 17.5h3.5a2 2 0 0 0 2-2V14a2 2 0 0 1 2-2" />
  </svg>
);

/**
 * Edit mode, auto-layout, undo and redo over the canvas; also answers the registry's "fit view"
 * requests, a frame late: a request that came with a resize (the side panel folding) must see
 * the canvas's new size, which React Flow learns from a ResizeObserver.
 */
export function CanvasToolbar({ fit }: { fit: FitViewOptions }) {
  const { t } = useI18n();
  const { canUndo, canRedo } = usePlayback(useShallow(selectHistory));
  const act = usePlayback(useShallow(selectActions));
  const fitRequest = useUi(selectFitRequest);
  const editing = useUi(selectEditing);
  const { fitView } = useReactFlow();
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const perform = (name: string) => command(name).perform({ playback: playback.getState(), ui: ui.getState() });
  useEffect(() => {
    if (fitRequest === 0) return;
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => void fitView({ ...fit, duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 200 }));
    });
    return () => cancelAnimationFrame(raf);
  }, [fitRequest, fitView, fit]);
  return (
    <Panel position="top-right" className="!m-3 flex gap-2">
      <Legend />
      <button
        type="button"
        data-testid="edit-mode"
        aria-pressed={editing}
        onClick={() => perform('editMode')}
        title={hint('editMode')}
        className={`flex h-8 items-center gap-1.5 rounded-lg border px-2.5 text-sm font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-500 ${
          editing ? 'border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-500' : 'border-slate-200 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800'
        }`}
      >
        <PencilIcon width={14} height={14} />
        {t('ui.canvas.edit')}
      </button>
      <div role="group" aria-label={t('ui.canvas.layoutHistory')} className="flex overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <button type="button" data-testid="auto-layout" onClick={() => perform('autoLayout')} title={hint('autoLayout')} aria-label={t('ui.canvas.autoLayout')} className={tool}>
          <LayoutIcon />
        </button>
        <span className="w-px bg-slate-200 dark:bg-slate-700" aria-hidden />
        <button type="button" data-testid="undo" onClick={act.undo} disabled={!canUndo} title={hint('undo')} aria-label={t('ui.canvas.undo')} className={tool}>
          <UndoIcon width={15} height={15} />
        </button>
        <span className="w-px bg-slate-200 dark:bg-slate-700" aria-hidden />
        <button type="button" data-testid="redo" onClick={act.redo} disabled={!canRedo} title={hint('redo')} aria-label={t('ui.canvas.redo')} className={tool}>
          <RedoIcon width={15} height={15} />
        </button>
      </div>
    </Panel>
  );
}
