'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { usePlayback } from '@/stores/playback-context';
import { selectCaption, selectHalted } from '@/stores/selectors';

/**
 * What just happened, in one line (the playground's side panel has room for more). Read out
 * politely; hidden in frames too short to spare the row.
 */
export function CaptionLine() {
  const lines = usePlayback(selectCaption);
  const halted = usePlayback(selectHalted);
  const { say, t } = useI18n();
  const main = lines.find((l) => l.type !== 'net.send') ?? lines[0];
  const violation = main?.type === 'invariant.violation';
  return (
    <p
      aria-live="polite"
      data-testid="caption"
      title={main ? say(main.text) : undefined}
      className={`truncate border-t border-slate-200 bg-white px-3 py-1 text-xs [@media(max-height:299px)]:hidden dark:border-slate-800 dark:bg-slate-900 ${
        violation ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-700 dark:text-slate-300'
      }`}
    >
      {halted && <span className="mr-1.5 rounded-full bg-red-600 px-1.5 py-px text-[10px] font-semibold text-white">{t('ui.embed.pausedOnViolation')}</span>}
      {main ? say(main.text) : t('ui.embed.pressPlay')}
    </p>
  );
}
