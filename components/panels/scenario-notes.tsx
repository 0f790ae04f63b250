'use client';

import { usePlayback } from '@/stores/playback-context';
import { selectEntry, selectScenario } from '@/stores/selectors';

/** What the open scenario is about, what to look at and what to try (from the gallery entry). */
export default function ScenarioNotes() {
  const entry = usePlayback(selectEntry);
  const scenario = usePlayback(selectScenario);
  return (
    <section aria-label="About this scenario" className="space-y-3 px-4 py-3 text-sm text-slate-700 dark:text-slate-300">
      <h3 className="text-base font-semibold text-slate-900 dark:text-slate-100">{entry?.title ?? scenario.title}</h3>
      <p>{entry?.description ?? scenario.description ?? 'A scenario of your own.'}</p>
      {entry && (
        <>
          <div>
            <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Watch for</p>
            <p>{entry.watchFor}</p>
          </div>
          {entry.tryThis.length > 0 && (
            <div>
              <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Try this</p>
              <ul className="list-disc space-y-1 pl-5">
                {entry.tryThis.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
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
