'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { usePlayback } from '@/stores/playback-context';
import { selectCaption, selectHalted } from '@/stores/selectors';
import { formatMs } from './format';
import { usePlayingThrottle } from './use-playing-throttle';
import { sectionTitle } from '../ui/styles';

/**
 * What just happened, in words: the latest engine event and the messages it sent, read out
 * politely. Its height is fixed, a long step scrolling inside, so the tabs and the log below
 * stay where they are while the run plays; contained, so its new lines are laid out and
 * painted apart from the rest of the page.
 */
export function Caption() {
  const lines = usePlayingThrottle(selectCaption);
  const halted = usePlayback(selectHalted);
  const { say, t } = useI18n();
  return (
    <section aria-labelledby="caption-title" data-testid="caption-box" className="flex h-32 shrink-0 flex-col [contain:strict] max-md:h-24 border-b border-slate-200 px-4 pt-3 pb-2 dark:border-slate-800">
      <h2 id="caption-title" className={`mb-1.5 flex h-5 shrink-0 items-center gap-2 ${sectionTitle}`}>
        {t('ui.panels.caption-now')}
        {halted && (
          <span data-testid="halted" className="rounded-full bg-red-600 px-2 text-[10px] leading-4 tracking-wide text-white">
            {t('ui.panels.caption-halted')}
          </span>
        )}
        {lines.length > 0 && <span className="ml-auto font-mono tracking-normal normal-case">{formatMs(lines[0].t)}</span>}
      </h2>
      {/* Focusable, so a keyboard can scroll a long step. */}
      <div aria-live="polite" data-testid="caption" tabIndex={0} className="min-h-0 flex-1 space-y-0.5 overflow-y-auto text-sm leading-snug focus-visible:outline-2 focus-visible:outline-indigo-500">
        {lines.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">{t('ui.panels.caption-empty')}</p>
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
              {say(e.text)}
            </p>
          ))
        )}
      </div>
    </section>
  );
}
