'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback } from '@/stores/playback-context';
import { selectActions, selectClock } from '@/stores/selectors';
import { hint } from '../panels/commands';
import { formatMs } from '../panels/format';
import { Timeline } from '../panels/timeline';
import { PauseIcon, PlayIcon } from '../ui/icons';
import { primaryButton } from '../ui/styles';

/** One row for small embeds: play / pause, the scrubber with its markers, and the time. */
export function MinimalControls() {
  const clock = usePlayback(useShallow(selectClock));
  const act = usePlayback(useShallow(selectActions));
  const { t } = useI18n();
  const label = t(clock.playing ? 'ui.embed.pause' : clock.finished ? 'ui.embed.replay' : 'ui.embed.play');
  return (
    <div
      role="toolbar"
      aria-label={t('ui.embed.playback')}
      data-testid="embed-controls"
      data-controls="minimal"
      className="flex items-center gap-2 border-t border-slate-200 bg-white/95 px-2 py-1 dark:border-slate-800 dark:bg-slate-900/95"
    >
      <button type="button" data-testid="play-button" onClick={act.togglePlay} title={hint('togglePlay')} aria-label={label} aria-pressed={clock.playing} className={`${primaryButton} w-9 !px-0`}>
        {clock.playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <Timeline />
      <span data-testid="time-readout" className="shrink-0 text-right font-mono text-[11px] tabular-nums text-slate-600 dark:text-slate-300">
        {formatMs(clock.time)}
      </span>
    </div>
  );
}
