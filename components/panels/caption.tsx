'use client';

import { usePlayback } from '@/stores/playback-context';
import { selectCaption } from '@/stores/selectors';
import { formatMs } from './format';

/** What just happened, in words: the narration of the latest engine event, read out politely. */
export function Caption() {
  const lines = usePlayback(selectCaption);
  return (
    <section aria-labelledby="caption-title" className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 id="caption-title" className="mb-1.5 flex items-center justify-between text-[11px] font-semibold tracking-wider text-slate-400 uppercase dark:text-slate-500">
        Now
        {lines.length > 0 && <span className="font-mono tracking-normal normal-case">{formatMs(lines[0].t)}</span>}
      </h2>
      <div aria-live="polite" data-testid="caption" className="min-h-[3.25rem] text-sm leading-snug">
        {lines.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">Press Play to run the scenario, or Step to go one event at a time.</p>
        ) : (
          lines.map((e) => (
            <p key={e.i} className={e.type === 'invariant.violation' ? 'font-semibold text-red-600 dark:text-red-400' : ''}>
              {e.text}
            </p>
          ))
        )}
      </div>
    </section>
  );
}
