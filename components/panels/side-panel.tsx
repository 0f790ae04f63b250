'use client';

import { Suspense, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectInterventionCount } from '@/stores/selectors';
import { selectPanelFolded, selectTab, selectUiActions } from '@/stores/ui-selectors';
import type { PanelTab } from '@/stores/ui-store';
import { ChevronIcon } from '../ui/icons';
import { preloadable } from '../ui/preloadable';
import { Caption } from './caption';
import { command, hint } from './commands';
import { EventLog } from './event-log';
import { useI18n, withMessages } from '../i18n/use-i18n';

// Tabs other than the log load when first opened, or ahead of that once the page is idle
// (usePrefetch): the inspector carries the schema-driven form and the state tree, and none of
// them is on screen at first. Each comes with the rest of the catalog (the vocabulary of
// parameters and metrics). React.lazy rather than next/dynamic: none of them is ever
// server-rendered, and next/dynamic's loader would cost the first page load more than it does.
const tabs = [
  preloadable(() => withMessages(import('./scenario-notes'))),
  preloadable(() => withMessages(import('./interventions-list'))),
  preloadable(() => withMessages(import('./inspector/inspector'))),
  preloadable(() => withMessages(import('./metrics-panel'))),
] as const;
const [ScenarioNotes, InterventionsList, Inspector, MetricsPanel] = tabs.map((t) => t.Component);

/** Fetches the tabs ahead of a click (see usePrefetch), so they open without "Loading…". */
export function prefetchTabs(): void {
  for (const t of tabs) t.preload();
}

/** A tab whose code is still on its way says so. */
function Loading({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">{t('ui.ui.loading')}</p>}>{children}</Suspense>;
}

/** The tabs; each is labelled `ui.panels.tab-<id>`. */
const TABS: { id: PanelTab }[] = [{ id: 'log' }, { id: 'inspect' }, { id: 'faults' }, { id: 'metrics' }, { id: 'about' }];

function TabPanel({ tab }: { tab: PanelTab }) {
  switch (tab) {
    case 'log':
      return <EventLog />;
    case 'inspect':
      return (
        <Loading>
          <Inspector />
        </Loading>
      );
    case 'faults':
      return (
        <Loading>
          <InterventionsList />
        </Loading>
      );
    case 'metrics':
      return (
        <Loading>
          <MetricsPanel />
        </Loading>
      );
    case 'about':
      return (
        <Loading>
          <ScenarioNotes />
        </Loading>
      );
  }
}

/** The handle on the panel's edge that folds it away (wide screens), and brings it back. */
function FoldHandle({ folded }: { folded: boolean }) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const i18n = useI18n();
  return (
    <button
      type="button"
      data-testid="fold-panel"
      aria-expanded={!folded}
      aria-controls="side-panel-body"
      aria-label={folded ? i18n.t('ui.panels.panel-show') : i18n.t('ui.panels.panel-hide')}
      title={hint('sidePanel', i18n)}
      onClick={() => command('sidePanel').perform({ playback: playback.getState(), ui: ui.getState() })}
      className="absolute top-1/2 -left-3.5 z-10 grid h-7 w-7 -translate-y-1/2 place-items-center rounded-full border border-slate-300 bg-white text-slate-600 shadow-sm hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 max-md:hidden dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300 dark:hover:text-white"
    >
      <ChevronIcon width={14} height={14} className={folded ? 'rotate-180' : ''} />
    </button>
  );
}

/**
 * How much of the bottom sheet shows while it is lowered on a phone (px): its handle, the
 * caption and the tab bar. The canvas fits its scenario above it. Matches `max-md:h-40`.
 */
export const SHEET_PEEK_PX = 160;

/**
 * The side panel: the narration of the current step, always in view, then tabs for the event
 * log, the inspector, the interventions and the scenario notes. On a wide screen it folds away
 * to give the canvas the width; on a phone it is a bottom sheet over the canvas, lowered to
 * the caption and the tabs until a tab (or a node to inspect) is chosen or its handle raised.
 */
export function SidePanel() {
  const tab = useUi(selectTab);
  const folded = useUi(selectPanelFolded);
  const { setTab } = useUi(useShallow(selectUiActions));
  const faults = usePlayback(selectInterventionCount);
  const list = useRef<HTMLDivElement>(null);
  const [raised, setRaised] = useState(false);
  const { t: tr } = useI18n();
  // Another tab (chosen, or the inspector for a tapped node) raises the sheet.
  const [seenTab, setSeenTab] = useState(tab);
  if (seenTab !== tab) {
    setSeenTab(tab);
    setRaised(true);
  }
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const at = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <aside
      aria-label={tr('ui.panels.panel-label')}
      data-folded={folded || undefined}
      data-sheet={raised ? 'raised' : 'lowered'}
      className={`relative flex min-h-0 flex-col bg-white md:shrink-0 dark:bg-slate-900 ${folded ? 'md:w-0' : 'md:w-[25rem]'} max-md:absolute max-md:inset-x-0 max-md:bottom-0 max-md:z-20 max-md:rounded-t-2xl max-md:border-t max-md:border-slate-200 max-md:shadow-[0_-8px_24px_rgb(15_23_42/0.15)] max-md:transition-[height] max-md:motion-reduce:transition-none dark:max-md:border-slate-700 ${raised ? 'max-md:h-[72%]' : 'max-md:h-40'}`}
    >
      <FoldHandle folded={folded} />
      <button
        type="button"
        data-testid="sheet-handle"
        aria-expanded={raised}
        aria-controls="side-tabpanel"
        aria-label={raised ? tr('ui.panels.panel-lower') : tr('ui.panels.panel-raise')}
        onClick={() => setRaised(!raised)}
        className="grid h-6 w-full shrink-0 place-items-center rounded-t-2xl focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 md:hidden"
      >
        <span aria-hidden className="h-1 w-10 rounded-full bg-slate-300 dark:bg-slate-600" />
      </button>
      <div id="side-panel-body" className={`flex min-h-0 flex-1 flex-col ${folded ? 'md:hidden' : ''}`}>
        <Caption />
        <div ref={list} role="tablist" aria-label={tr('ui.panels.panel-tabs')} onKeyDown={onKeyDown} className="flex shrink-0 gap-1 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-900">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls="side-tabpanel"
              tabIndex={tab === t.id ? 0 : -1}
              data-testid={`tab-${t.id}`}
              onClick={() => {
                setTab(t.id);
                setRaised(true);
              }}
              className={`-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                tab === t.id ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              {tr(`ui.panels.tab-${t.id}`)}
              {t.id === 'faults' && faults > 0 && <span className="rounded-full bg-amber-100 px-1.5 text-[10px] font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">{faults}</span>}
            </button>
          ))}
        </div>
        <div id="side-tabpanel" role="tabpanel" tabIndex={0} aria-labelledby={`tab-${tab}`} className={`flex min-h-0 flex-1 flex-col overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 ${raised ? '' : 'max-md:hidden'}`}>
          <TabPanel tab={tab} />
        </div>
      </div>
    </aside>
  );
}
