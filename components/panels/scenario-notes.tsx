'use client';

import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { selectEntry, selectScenario } from '@/stores/selectors';
import { command, hint } from './commands';
import { TermText } from './term-text';
import { TryList } from './try-list';
import { button } from '../ui/styles';

const selectGuided = (s: { guided: boolean }) => s.guided;

/** What the open scenario is about, what to look at and what to try (from the gallery entry). */
export default function ScenarioNotes() {
  const entry = usePlayback(selectEntry);
  const scenario = usePlayback(selectScenario);
  const guided = usePlayback(selectGuided);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const toggleGuide = () => command('guide').perform({ playback: playback.getState(), ui: ui.getState() });
  return (
    <section aria-label="About this scenario" className="space-y-3 px-4 py-3 text-sm text-slate-700 dark:text-slate-300">
      <h3 className="text-base font-semibold text-slate-900 dark:text-slate-100">{entry?.title ?? scenario.title}</h3>
      <p>
        <TermText text={entry?.description ?? scenario.description ?? 'A scenario of your own.'} />
      </p>
      {entry?.guide && (
        <button type="button" data-testid="guide-start" aria-pressed={guided} onClick={toggleGuide} title={hint('guide')} className={`${button} h-8 text-xs`}>
          {guided ? 'Leave the guided tour' : '▶ Guided tour: stop at each moment that matters'}
        </button>
      )}
      {entry && (
        <>
          <div>
            <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Watch for</p>
            <p>
              <TermText text={entry.watchFor} />
            </p>
          </div>
          {entry.tryThis.length > 0 && (
            <div>
              <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Try this</p>
              <TryList items={entry.tryThis} className="-mx-1.5" />
            </div>
          )}
        </>
      )}
      {scenario.monitors.length > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Invariants checked: <span className="font-mono">{scenario.monitors.join(', ')}</span>
        </p>
      )}
    </section>
  );
}
