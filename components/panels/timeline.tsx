'use client';

import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectActions, selectLabels, selectScenario, selectTime, selectTimeline } from '@/stores/selectors';
import type { TimelineSummary } from '@/stores/timeline';
import type { UiState } from '@/stores/ui-store';
import { formatMs } from './format';
import { interventionText } from './intervention-text';
import { useI18n } from '../i18n/use-i18n';

/** Half the scrubber thumb's width (px): markers line up with where the thumb's centre would be. */
const INSET = 8;

/** When what the pointer rests on (in the log or the diagram) happened, or null. */
const selectHoverT = (s: UiState) => s.hover?.t ?? null;

/** An intervention's mark on the track. */
interface Mark {
  k: number;
  at: number;
  mine: boolean;
  text: string;
}

/** Left offset of virtual time `t` on a track of the run's length. */
const along = (t: number, until: number) => `calc(${INSET}px + (100% - ${2 * INSET}px) * ${Math.min(1, Math.max(0, t / until))})`;

/** How busy each stretch of the run is: a small bar chart under the track (square-root scale, so a lone event still shows). */
const Density = memo(function Density({ summary }: { summary: TimelineSummary }) {
  const bins = summary.density;
  const top = Math.sqrt(summary.peak);
  return (
    <svg
      aria-hidden
      className="pointer-events-none absolute bottom-0 h-3 text-indigo-400/70 dark:text-indigo-400/50"
      style={{ left: INSET, width: `calc(100% - ${2 * INSET}px)` }}
      viewBox={`0 0 ${bins.length} 12`}
      preserveAspectRatio="none"
    >
      {bins.map((n, i) => {
        if (n === 0) return null;
        const h = 3 + (9 * Math.sqrt(n)) / top;
        return <rect key={i} x={i + 0.15} width={0.7} y={12 - h} height={h} rx={0.35} fill="currentColor" />;
      })}
    </svg>
  );
});

/**
 * The stretch of the run the look-ahead has not reached yet: hatched, with how far it got. The
 * label fades in late, so a run computed within a blink never shows it.
 */
const Computing = memo(function Computing({ knownMs, untilMs }: { knownMs: number; untilMs: number }) {
  const { t } = useI18n();
  const percent = Math.floor((100 * Math.min(knownMs, untilMs)) / untilMs);
  return (
    <>
      <span
        aria-hidden
        data-testid="timeline-unknown"
        className="pointer-events-none absolute bottom-0 h-3 text-slate-400/60 dark:text-slate-500/50"
        style={{ left: along(knownMs, untilMs), right: INSET, backgroundImage: 'repeating-linear-gradient(135deg, currentColor 0 2px, transparent 2px 5px)' }}
      />
      <span
        aria-hidden
        title={t('ui.panels.tl-computingTitle')}
        className="absolute -bottom-1 right-2 rounded bg-white/90 px-1 text-[10px] leading-3 text-slate-500 tabular-nums opacity-100 transition-opacity delay-500 duration-300 starting:opacity-0 dark:bg-slate-900/90 dark:text-slate-400"
      >
        {t('ui.panels.tl-computing', { percent })}
      </span>
    </>
  );
});

/** The marks along the top of the track; they change with the run and its interventions, not with the cursor. */
const Marks = memo(function Marks({ marks, violations, until }: { marks: readonly Mark[]; violations: TimelineSummary['violations']; until: number }) {
  const act = usePlayback(useShallow(selectActions));
  const { t, say } = useI18n();
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 h-3">
      {marks.map((m) => (
        <button
          key={`iv${m.k}`}
          type="button"
          tabIndex={-1}
          data-testid="timeline-intervention"
          data-by={m.mine ? 'user' : 'scenario'}
          title={m.text}
          aria-label={t('ui.panels.tl-intervention', { text: m.text })}
          onClick={() => act.seek(m.at)}
          className={`pointer-events-auto absolute top-0.5 h-2.5 w-2.5 -translate-x-1/2 rotate-45 rounded-[2px] border hover:scale-125 ${m.mine ? 'border-amber-700 bg-amber-400 dark:border-amber-300' : 'border-violet-800 bg-violet-500 dark:border-violet-200'}`}
          style={{ left: along(m.at, until) }}
        />
      ))}
      {violations.map((v) => (
        <button
          key={`v${v.i}`}
          type="button"
          tabIndex={-1}
          data-testid="timeline-violation"
          title={t('ui.panels.tl-violationTitle', { at: formatMs(v.t), message: say(v.message) })}
          aria-label={t('ui.panels.tl-violation', { at: formatMs(v.t), message: say(v.message) })}
          onClick={() => act.seekStep(v.step + 1)}
          className="pointer-events-auto absolute top-0 h-3 w-1.5 -translate-x-1/2 rounded-sm bg-red-600 hover:scale-125 dark:bg-red-500"
          style={{ left: along(v.t, until) }}
        />
      ))}
    </div>
  );
});

/** The range input itself: the one part that follows the cursor on every frame of playback. */
function Scrubber({ until }: { until: number }) {
  const time = usePlayback(selectTime);
  const { seek } = usePlayback(useShallow(selectActions));
  const { t } = useI18n();
  return (
    <input
      type="range"
      aria-label={t('ui.panels.tl-time')}
      aria-valuetext={formatMs(time)}
      data-testid="scrubber"
      min={0}
      max={until}
      step="any"
      value={Math.min(time, until)}
      onChange={(e) => seek(Number(e.target.value))}
      className="scrubber absolute inset-x-0 top-3 h-5 w-full"
      style={{ ['--played' as string]: along(time, until) }}
    />
  );
}

/**
 * The scrubber: the run from 0 to its end, with a strip showing how busy each stretch is,
 * marks where an intervention happens (violet: the scenario's own, amber: the visitor's) and
 * red ones where an invariant breaks, and a line where the message or event the pointer rests
 * on in the log or the diagram happened. While the run is still being looked ahead, the part
 * not reached yet is hatched and its marks appear as they are found. Dragging
 * seeks at once (the engine restores the nearest snapshot and replays).
 */
export function Timeline() {
  const summary = usePlayback(selectTimeline);
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const hoverT = useUi(selectHoverT);
  const i18n = useI18n();
  const until = summary.untilMs;
  const marks = useMemo(
    () =>
      scenario.interventions.map((iv, k) => ({
        k,
        at: iv.at,
        mine: iv.by === 'user',
        text: i18n.t('ui.panels.tl-mark', { at: formatMs(iv.at), text: interventionText(iv, scenario, labels, i18n), by: iv.by === 'user' ? 'user' : 'scenario' }),
      })),
    [scenario, labels, i18n],
  );
  return (
    <div className="relative h-10 min-w-0 flex-1" data-testid="timeline" data-computing={summary.computing} aria-busy={summary.computing}>
      <Density summary={summary} />
      {summary.computing && <Computing knownMs={summary.knownMs} untilMs={until} />}
      {hoverT !== null && (
        <span aria-hidden data-testid="timeline-pointed" className="pointer-events-none absolute top-0 h-8 w-0.5 -translate-x-1/2 rounded bg-indigo-500 dark:bg-indigo-300" style={{ left: along(hoverT, until) }} />
      )}
      <Marks marks={marks} violations={summary.violations} until={until} />
      <Scrubber until={until} />
    </div>
  );
}
