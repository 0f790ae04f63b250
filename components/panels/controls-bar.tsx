'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback } from '@/stores/playback-context';
import { SPEEDS } from '@/stores/playback-store';
import { selectActions, selectClock } from '@/stores/selectors';
import { PauseIcon, PlayIcon, RestartIcon, StepIcon } from '../ui/icons';
import { command } from './commands';
import { formatMs, formatSpeed } from './format';

const shape =
  'inline-flex h-9 items-center gap-1.5 rounded-lg border px-3 text-sm font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500';
const button = `${shape} border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800`;
const primary = `${shape} w-24 justify-center border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-500 dark:border-indigo-500`;

const hint = (name: Parameters<typeof command>[0]) => `${command(name).label} (${command(name).keyLabel})`;

/** Play/Pause, Step, Restart, speed, a scrubber over the run and the time and step readouts. */
export function ControlsBar() {
  const clock = usePlayback(useShallow(selectClock));
  const act = usePlayback(useShallow(selectActions));
  const speeds = SPEEDS.includes(clock.speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, clock.speed].sort((a, b) => a - b);
  return (
    <div
      role="toolbar"
      aria-label="Playback"
      className="sticky bottom-0 z-10 flex flex-col gap-2 border-t border-slate-200 bg-white px-3 py-2 md:flex-row md:items-center md:gap-4 md:px-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid="play-button"
          onClick={act.togglePlay}
          title={hint('togglePlay')}
          aria-pressed={clock.playing}
          className={primary}
        >
          {clock.playing ? <PauseIcon /> : <PlayIcon />}
          {clock.playing ? 'Pause' : clock.finished ? 'Replay' : 'Play'}
        </button>
        <button type="button" data-testid="step-button" onClick={act.stepForward} title={hint('step')} className={button}>
          <StepIcon />
          Step
        </button>
        <button type="button" data-testid="restart-button" onClick={act.restart} title={hint('restart')} aria-label="Restart" className={button}>
          <RestartIcon />
          <span className="hidden sm:inline">Restart</span>
        </button>
        <label className="flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
          <span className="hidden sm:inline">Speed</span>
          <select
            data-testid="speed-select"
            aria-label="Speed (virtual ms per real ms)"
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
        </label>
      </div>
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <input
          type="range"
          aria-label="Virtual time"
          data-testid="scrubber"
          min={0}
          max={clock.untilMs}
          step={1}
          value={Math.min(clock.time, clock.untilMs)}
          onChange={(e) => act.seek(Number(e.target.value))}
          className="h-8 min-w-0 flex-1 accent-indigo-600"
        />
        <dl className="flex shrink-0 items-center gap-3 font-mono text-xs tabular-nums text-slate-600 dark:text-slate-300">
          <div className="flex gap-1.5">
            <dt className="text-slate-400 dark:text-slate-500">t =</dt>
            <dd data-testid="time-readout" className="min-w-[5.5rem]">
              {formatMs(clock.time)}
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-slate-400 dark:text-slate-500">step</dt>
            <dd data-testid="step-readout" className="min-w-[2rem]">
              {clock.steps}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
