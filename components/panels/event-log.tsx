'use client';

import { usePlayback } from '@/stores/playback-context';
import { selectLog } from '@/stores/selectors';
import { formatMs } from './format';

/** Recent events, newest first, each with its virtual time. */
export function EventLog() {
  const log = usePlayback(selectLog);
  return (
    <section aria-labelledby="log-title" className="flex min-h-0 flex-1 flex-col">
      <h2 id="log-title" className="px-4 pt-3 pb-1.5 text-[11px] font-semibold tracking-wider text-slate-400 uppercase dark:text-slate-500">
        Event log
      </h2>
      {log.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-400 dark:text-slate-500">Nothing has happened yet.</p>
      ) : (
        <ol data-testid="event-log" className="max-h-72 min-h-0 flex-1 overflow-y-auto px-2 pb-3 md:max-h-none">
          {log.map((e, n) => (
            <li
              key={e.i}
              data-testid="log-entry"
              data-type={e.type}
              className={`grid grid-cols-[4.75rem_1fr] gap-2 rounded-md px-2 py-1 text-xs leading-snug ${n === 0 ? 'bg-indigo-50 dark:bg-indigo-950/50' : ''}`}
            >
              <span className="pt-px text-right font-mono text-[10px] tabular-nums text-slate-400 dark:text-slate-500">{formatMs(e.t)}</span>
              <span className={e.type.startsWith('fault.') || e.type === 'invariant.violation' ? 'text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}>{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
