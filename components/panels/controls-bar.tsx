'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback } from '@/stores/playback-context';
import { SPEEDS, type PlaybackState } from '@/stores/playback-store';
import { selectActions, selectSteps, selectTime, selectViolationCount } from '@/stores/selectors';
import { AlertIcon, PauseIcon, PlayIcon, RestartIcon, StepBackIcon, StepIcon } from '../ui/icons';
import { button, primaryButton } from '../ui/styles';
import { hint } from './commands';
import { formatMs, formatSpeed } from './format';
import { Timeline } from './timeline';
import { useI18n } from '../i18n/use-i18n';

/**
 * What the buttons show: the clock without the cursor's time, so they stay still while playing
 * (the readouts and the scrubber follow the time on their own).
 */
const selectButtons = (s: PlaybackState) => ({
  playing: s.playing,
  speed: s.speed,
  atStart: s.steps === 0,
  finished: s.finished,
  pauseOnViolation: s.pauseOnViolation,
});

/** The cursor's time and step count: the only part of the bar that changes on every frame of playback. */
function Readouts() {
  const time = usePlayback(selectTime);
  const steps = usePlayback(selectSteps);
  const { t } = useI18n();
  return (
    <dl className="flex shrink-0 flex-col items-end font-mono text-[11px] leading-tight tabular-nums text-slate-600 dark:text-slate-300">
      <div className="flex gap-1.5">
        <dt className="text-slate-500 dark:text-slate-400">t</dt>
        <dd data-testid="time-readout" className="min-w-[5.5rem] text-right">
          {formatMs(time)}
        </dd>
      </div>
      <div className="flex gap-1.5">
        <dt className="text-slate-500 dark:text-slate-400">{t('ui.panels.controls-stepReadout')}</dt>
        <dd data-testid="step-readout" className="min-w-[5.5rem] text-right">
          {steps}
        </dd>
      </div>
    </dl>
  );
}

/** Play/Pause, step back and forward, restart, speed, pause-on-violation, the timeline and the readouts. */
export function ControlsBar() {
  const clock = usePlayback(useShallow(selectButtons));
  const act = usePlayback(useShallow(selectActions));
  const violations = usePlayback(selectViolationCount);
  const i18n = useI18n();
  const { t } = i18n;
  const speeds = SPEEDS.includes(clock.speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, clock.speed].sort((a, b) => a - b);
  return (
    <div
      role="toolbar"
      aria-label={t('ui.panels.controls-playback')}
      className="z-10 flex flex-col gap-1.5 border-t border-slate-200 bg-white/95 px-3 py-2 backdrop-blur md:flex-row md:items-center md:gap-4 md:px-4 dark:border-slate-800 dark:bg-slate-900/95"
    >
      <div className="flex items-center gap-1.5">
        <button type="button" data-testid="play-button" onClick={act.togglePlay} title={hint('togglePlay', i18n)} aria-pressed={clock.playing} className={`${primaryButton} w-20 sm:w-24`}>
          {clock.playing ? <PauseIcon /> : <PlayIcon />}
          {clock.playing ? t('ui.panels.controls-pause') : clock.finished ? t('ui.panels.controls-replay') : t('ui.panels.controls-play')}
        </button>
        <button type="button" data-testid="step-back-button" onClick={act.stepBack} disabled={clock.atStart} title={hint('stepBack', i18n)} aria-label={t('ui.panels.controls-stepBack')} className={button}>
          <StepBackIcon />
        </button>
        <button type="button" data-testid="step-button" onClick={act.stepForward} title={hint('step', i18n)} className={button}>
          <StepIcon />
          <span className="max-sm:sr-only">{t('ui.panels.controls-step')}</span>
        </button>
        <button type="button" data-testid="restart-button" onClick={act.restart} title={hint('restart', i18n)} aria-label={t('ui.panels.cmd-restart')} className={button}>
          <RestartIcon />
        </button>
        <select
          data-testid="speed-select"
          aria-label={t('ui.panels.controls-speed')}
          title={t('ui.panels.controls-speedHint')}
          value={clock.speed}
          onChange={(e) => act.setSpeed(Number(e.target.value))}
          className="h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          {speeds.map((x) => (
            <option key={x} value={x}>
              {formatSpeed(x)}
            </option>
          ))}
        </select>
        {/* A switch, not an alarm: red only once the run has a violation. Its count has a slot of
            its own, so the scrubber beside it does not shift when the first one appears. */}
        <button
          type="button"
          data-testid="pause-on-violation"
          aria-pressed={clock.pauseOnViolation}
          onClick={() => act.setPauseOnViolation(!clock.pauseOnViolation)}
          title={t('ui.panels.controls-pauseHint', { hint: hint('pauseOnViolation', i18n), on: clock.pauseOnViolation ? 'on' : 'off' })}
          aria-label={t('ui.panels.controls-pauseOnViolation')}
          className={`${button} ml-auto md:ml-0 ${clock.pauseOnViolation ? '' : '!text-slate-500 dark:!text-slate-400'}`}
        >
          <AlertIcon className={violations > 0 ? 'text-red-600 dark:text-red-400' : ''} />
          <span className="hidden lg:inline" aria-hidden>
            {t('ui.panels.controls-pauseOnViolation')}
          </span>
          <span aria-hidden className={`relative h-3.5 w-6 rounded-full transition-colors motion-reduce:transition-none ${clock.pauseOnViolation ? 'bg-indigo-600 dark:bg-indigo-400' : 'bg-slate-300 dark:bg-slate-600'}`}>
            <span className={`absolute top-0.5 h-2.5 w-2.5 rounded-full bg-white transition-[left] motion-reduce:transition-none dark:bg-slate-900 ${clock.pauseOnViolation ? 'left-3' : 'left-0.5'}`} />
          </span>
          <span className="inline-flex justify-center md:min-w-5">
            {violations > 0 && (
              <span data-testid="violation-count" className="rounded-full bg-red-600 px-1.5 text-[10px] leading-4 font-bold text-white" title={t('ui.panels.controls-violations', { n: violations })}>
                {violations}
              </span>
            )}
          </span>
        </button>
      </div>
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <Timeline />
        <Readouts />
      </div>
    </div>
  );
}
