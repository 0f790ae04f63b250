'use client';

import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LOG_KINDS } from '@/stores/log-groups';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectLabels, selectScenario } from '@/stores/selectors';
import type { UiState } from '@/stores/ui-store';
import { useI18n } from '../i18n/use-i18n';

const selectFilter = (s: UiState) => ({
  node: s.logNode,
  kinds: s.logKinds,
  setNode: s.setLogNode,
  toggle: s.toggleLogKind,
});

/**
 * The log's filters: one node (or all), and which kinds of event. Memoised: the log around it
 * re-renders with every step, and a big document's node list is hundreds of options.
 */
export const LogFilter = memo(function LogFilter() {
  const f = useUi(useShallow(selectFilter));
  const nodes = usePlayback(selectScenario).nodes;
  const labels = usePlayback(selectLabels);
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-center gap-1 px-3 pb-2" role="group" aria-label={t('ui.panels.log-filter')}>
      <select
        aria-label={t('ui.panels.log-node')}
        data-testid="log-node-filter"
        value={f.node ?? ''}
        onChange={(e) => f.setNode(e.target.value || null)}
        className="mr-1 h-7 max-w-36 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        <option value="">{t('ui.panels.log-allNodes')}</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {labels[n.id] ?? n.id}
          </option>
        ))}
      </select>
      {LOG_KINDS.map((k) => {
        const on = f.kinds.has(k);
        return (
          <button
            key={k}
            type="button"
            aria-pressed={on}
            data-testid={`log-kind-${k}`}
            onClick={() => f.toggle(k)}
            className={`h-6 rounded-full border px-2 font-mono text-[10px] transition-colors motion-reduce:transition-none ${
              on
                ? 'border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-200'
                : 'border-slate-200 bg-white text-slate-500 line-through dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400'
            }`}
          >
            {k}
          </button>
        );
      })}
    </div>
  );
});
