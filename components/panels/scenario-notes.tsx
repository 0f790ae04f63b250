import type { BuiltinScenario } from '@/engine/scenario/library';

/** What to look at and what to try, from the scenario library. */
export function ScenarioNotes({ entry }: { entry: BuiltinScenario }) {
  return (
    <details className="group border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer list-none text-[11px] font-semibold tracking-wider text-slate-400 uppercase select-none dark:text-slate-500">
        <span className="mr-1 inline-block transition-transform group-open:rotate-90 motion-reduce:transition-none">›</span>
        About this scenario
      </summary>
      <div className="mt-2 space-y-2 text-slate-600 dark:text-slate-300">
        <p>{entry.description}</p>
        <p>
          <span className="font-semibold text-slate-800 dark:text-slate-100">Watch for: </span>
          {entry.watchFor}
        </p>
        {entry.tryThis.length > 0 && (
          <ul className="list-disc space-y-1 pl-5">
            {entry.tryThis.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
