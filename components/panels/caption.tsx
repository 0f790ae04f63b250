'use client';

import { usePlayback } from '@/stores/playback-context';
import { selectCaption, selectHalted } from '@/stores/selectors';
import { formatMs } from './format';
import { usePlayingThrottle } from './use-playing-throttle';
import { sectionTitle } from '../ui/styles';

/** What just happened, in words: the latest engine event and the messages it sent, read out politely. */
export function Caption() {
  const lines = usePlayingThrottle(selectCaption);
  const halted = usePlayback(selectHalted);
  return (
    <section aria-labelledby="caption-title" className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 id="caption-title" className={`mb-1.5 flex items-center gap-2 ${sectionTitle}`}>
        Now
        {halted && (
          <span data-testid="halted" className="rounded-full bg-red-600 px-2 py-0.5 text-[10px] tracking-wide text-white">
            paused on violation
          </span>
        )}
        {lines.length > 0 && <span className="ml-auto font-mono tracking-normal normal-case">{formatMs(lines[0].t)}</span>}
      </h2>
      <div aria-live="polite" data-testid="caption" className="min-h-[3.25rem] space-y-0.5 text-sm leading-snug">
        {lines.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Press Play to run the scenario, or Step to go one event at a time.</p>
        ) : (
          lines.map((e) => (
            <p
              key={e.key}
              data-testid={e.type === 'net.send' ? 'caption-send' : 'caption-line'}
              className={
                e.type === 'invariant.violation'
                  ? 'font-semibold text-red-700 dark:text-red-400'
                  : e.type === 'net.send'
                    ? 'text-[13px] text-blue-800 dark:text-blue-300'
                    : ''
              }
            >
              {e.type === 'net.send' && <span aria-hidden>↳ </span>}
              {e.text}
            </p>
          ))
        )}
      </div>
    </section>
  );
}
