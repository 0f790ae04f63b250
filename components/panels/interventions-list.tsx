'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectActions, selectLabels, selectScenario, selectTime } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import { formatMs } from './format';
import { interventionText } from './intervention-text';
import { CloseIcon } from '../ui/icons';
import { iconButton } from '../ui/styles';

/**
 * The scenario's interventions in time order: each seeks there when chosen and can be removed
 * (the run is rebuilt without it, the cursor keeps its time). New ones come from the fault menus.
 */
export default function InterventionsList() {
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const time = usePlayback(selectTime);
  const act = usePlayback(useShallow(selectActions));
  const { notify } = useUi(useShallow(selectUiActions));
  const items = scenario.interventions.map((iv, index) => ({ iv, index })).sort((a, b) => a.iv.at - b.iv.at || a.index - b.index);
  return (
    <section aria-label="Interventions" className="px-3 py-3">
      <p className="px-1 pb-2 text-xs leading-snug text-slate-600 dark:text-slate-400">
        Faults you add (right-click, long-press or <kbd className="rounded border border-slate-300 px-1 font-mono text-[10px] dark:border-slate-600">M</kbd> on a node or link) are recorded here at the cursor&apos;s time, so the run replays exactly.
      </p>
      {items.length === 0 ? (
        <p className="px-1 text-sm text-slate-600 dark:text-slate-400">No interventions yet.</p>
      ) : (
        <ol data-testid="interventions" className="space-y-1">
          {items.map(({ iv, index }) => {
            const past = iv.at <= time;
            return (
              <li key={index} data-testid="intervention" className="group flex items-center gap-1 rounded-lg border border-slate-200 bg-white pr-1 dark:border-slate-700 dark:bg-slate-900">
                <button
                  type="button"
                  onClick={() => act.seek(iv.at)}
                  className="flex min-w-0 flex-1 items-baseline gap-2 rounded-l-lg px-2 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
                  title="Move the cursor here"
                >
                  <span className={`h-2 w-2 shrink-0 rotate-45 rounded-[1px] ${past ? 'bg-amber-500' : 'border border-amber-500'}`} aria-hidden />
                  <span className="w-20 shrink-0 text-right font-mono text-[11px] text-slate-500 tabular-nums dark:text-slate-400">{formatMs(iv.at)}</span>
                  <span className="min-w-0 flex-1 truncate text-slate-800 dark:text-slate-200">{interventionText(iv, scenario, labels)}</span>
                </button>
                <button
                  type="button"
                  data-testid="remove-intervention"
                  aria-label={`Remove: ${interventionText(iv, scenario, labels)} at ${formatMs(iv.at)}`}
                  onClick={() => {
                    const r = act.removeIntervention(index);
                    if (!r.ok) notify(`Could not remove it: ${r.errors[0]}`, 'warn');
                  }}
                  className={iconButton}
                >
                  <CloseIcon width={14} height={14} />
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
