'use client';

import { memo, useCallback, useMemo, useState } from 'react';
import { limiterParams, ratePerSecOf } from '@/engine/models/limiter/params';
import { usePlayback } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import type { RateBin, RateChart } from '@/stores/rate-chart';
import type { TimelineSummary } from '@/stores/timeline';
import { selectLabels, selectScenario, selectTime, selectTimeline } from '@/stores/selectors';
import { useI18n } from '../i18n/use-i18n';

const H = 100;

/** The stacked bars of one limiter over the whole run: let through (green), waited (blue), refused (red). */
const Bars = memo(function Bars({ bins, top }: { bins: readonly RateBin[]; top: number }) {
  return (
    <g>
      {bins.map((b, i) => {
        const a = (b.accepted / top) * H;
        const q = (b.queued / top) * H;
        const r = (b.rejected / top) * H;
        return (
          <g key={i}>
            <rect x={i + 0.08} width={0.84} y={H - a} height={a} className="fill-emerald-500" />
            <rect x={i + 0.08} width={0.84} y={H - a - q} height={q} className="fill-sky-500" />
            <rect x={i + 0.08} width={0.84} y={H - a - q - r} height={r} className="fill-red-500" />
          </g>
        );
      })}
    </g>
  );
});

const sum = (bins: readonly RateBin[], k: keyof RateBin, upTo = bins.length) => bins.slice(0, upTo).reduce((n, b) => n + b[k], 0);

type Violations = TimelineSummary['violations'];

/** Whether violation `v` is a burst that broke limiter `node`'s bound. */
const isBurst = (v: Violations[number], node: string) => v.nodes[0] === node && v.spans !== undefined;

/** How many of limiter `node`'s bursts happened by `time` (violations are in time order). */
function burstsPassed(violations: Violations, node: string, time: number): number {
  let n = 0;
  for (const v of violations) {
    if (v.t > time) break;
    if (isBurst(v, node)) n++;
  }
  return n;
}

/** The halves of limiter `node`'s first `count` bursts, each with its tone's index and a key. */
function bursts(violations: Violations, node: string, count: number) {
  return violations
    .filter((v) => isBurst(v, node))
    .slice(0, count)
    .flatMap((v) => v.spans!.map((sp, k) => ({ ...sp, k, key: `${v.i}.${k}` })));
}

/** Tones of the highlighted stretches of a violation, in order (the burst's first half, its second). */
const SPAN_TONE = ['fill-amber-400/40 stroke-amber-600', 'fill-fuchsia-400/40 stroke-fuchsia-600'];

/**
 * What is still to come, dimmed, with the cursor's line at its left edge: the only part of the
 * chart that moves on every frame of playback (the rest follows the slice the cursor is in).
 * An HTML layer over the bars, moved by a transform the compositor applies: drawn in the SVG,
 * it had the browser paint and rasterise the bars under it again on every frame.
 */
function Cursor({ binMs, n }: { binMs: number; n: number }) {
  const cursor = Math.min(n, usePlayback(selectTime) / binMs);
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0 overflow-hidden">
      <div
        data-testid="rate-chart-cursor"
        data-x={cursor}
        className="-ml-px h-full w-full border-l-2 border-amber-600 bg-white/60 will-change-transform dark:bg-slate-950/60"
        style={{ transform: `translateX(${(cursor / n) * 100}%)` }}
      />
    </div>
  );
}

/** The chart of `rates` (see RateChartPanel). */
export default function RateChartView({ rates }: { rates: RateChart }) {
  const violations = usePlayback(selectTimeline).violations;
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const [picked, setPicked] = useState<string | null>(null);
  const { t, say } = useI18n();
  // Limiters in the scenario's order, each with its steady rate.
  const series = useMemo(() => {
    const order = scenario.nodes.map((n) => n.id);
    return [...rates.series]
      .sort((a, b) => order.indexOf(a.node) - order.indexOf(b.node))
      .map((s) => {
        const p = limiterParams.safeParse(scenario.nodes.find((n) => n.id === s.node)?.params ?? {});
        return { ...s, ratePerSec: p.success ? ratePerSecOf(p.data.algorithm) : null };
      });
  }, [rates, scenario]);
  const s = series.find((x) => x.node === picked) ?? series[0];
  const n = s.bins.length;
  const limitPerBin = s.ratePerSec === null ? null : (s.ratePerSec * rates.binMs) / 1000;
  const top = Math.max(1, ...s.bins.map((b) => b.accepted + b.queued + b.rejected), (limitPerBin ?? 0) * 1.2);
  // Slices up to the cursor's, and how many of this limiter's bursts it has passed: numbers, so
  // the chart re-renders when one of them changes, not on every frame.
  const upTo = usePlayback(useCallback((st: PlaybackState) => Math.min(n, Math.floor(Math.min(n, st.time / rates.binMs)) + 1), [n, rates.binMs]));
  const passed = usePlayback(useCallback((st: PlaybackState) => burstsPassed(st.timeline.violations, s.node, st.time), [s.node]));
  const name = (id: string) => labels[id] ?? id;
  // The bursts that broke this limiter's bound so far, each half highlighted where it fell.
  const spans = useMemo(() => bursts(violations, s.node, passed), [violations, s.node, passed]);
  return (
    <section
      aria-label={t('ui.panels.rate-label')}
      data-testid="rate-chart"
      data-node={s.node}
      data-bin-ms={rates.binMs}
      data-accepted={sum(s.bins, 'accepted')}
      data-queued={sum(s.bins, 'queued')}
      data-rejected={sum(s.bins, 'rejected')}
      className="order-1 shrink-0 border-b border-slate-200 bg-white px-3 py-1.5 md:order-3 md:border-t md:border-b-0 dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px]">
        {series.length > 1 ? (
          <label className="flex items-center gap-1 text-slate-600 dark:text-slate-300">
            <span className="sr-only">{t('ui.panels.rate-limiter')}</span>
            <select
              data-testid="rate-chart-node"
              value={s.node}
              onChange={(e) => setPicked(e.target.value)}
              className="rounded border border-slate-300 bg-white px-1 py-0.5 text-[11px] dark:border-slate-700 dark:bg-slate-900"
            >
              {series.map((x) => (
                <option key={x.node} value={x.node}>
                  {name(x.node)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="font-semibold text-slate-700 dark:text-slate-200">{name(s.node)}</span>
        )}
        <span className="text-slate-500 tabular-nums dark:text-slate-400">
          {t('ui.panels.rate-per', { ms: rates.binMs })}
          <span className="text-emerald-700 dark:text-emerald-300">{t('ui.panels.rate-through', { n: sum(s.bins, 'accepted', upTo) })}</span> ·{' '}
          <span className="text-sky-700 dark:text-sky-300">{t('ui.panels.rate-waited', { n: sum(s.bins, 'queued', upTo) })}</span> ·{' '}
          <span className="text-red-700 dark:text-red-300">{t('ui.panels.rate-refused', { n: sum(s.bins, 'rejected', upTo) })}</span>
          {limitPerBin !== null && t('ui.panels.rate-limit', { n: Number(limitPerBin.toFixed(2)) })}
        </span>
      </div>
      <div className="relative mt-1 h-16 md:h-20">
        <svg viewBox={`0 0 ${n} ${H}`} preserveAspectRatio="none" className="absolute inset-0 block h-full w-full" role="img" aria-label={t('ui.panels.rate-summary', { node: name(s.node), accepted: sum(s.bins, 'accepted'), queued: sum(s.bins, 'queued'), rejected: sum(s.bins, 'rejected') })}>
          <rect x={0} y={0} width={n} height={H} className="fill-slate-50 dark:fill-slate-900" />
          <Bars bins={s.bins} top={top} />
        </svg>
        <Cursor binMs={rates.binMs} n={n} />
        {/* Above what is dimmed: the limit line and the bursts' halves are never faded. */}
        <svg viewBox={`0 0 ${n} ${H}`} preserveAspectRatio="none" className="absolute inset-0 block h-full w-full" aria-hidden>
          {limitPerBin !== null && (
            <line x1={0} x2={n} y1={H - (limitPerBin / top) * H} y2={H - (limitPerBin / top) * H} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" className="stroke-slate-700 dark:stroke-slate-200" />
          )}
          {spans.map((sp) => {
            // At least a slice wide, so a burst inside one slice still shows.
            const x0 = sp.from / rates.binMs;
            const w = Math.max(0.9, (sp.to - sp.from) / rates.binMs);
            return (
              <rect key={sp.key} data-testid="burst-half" x={x0} y={2} width={w} height={H - 4} vectorEffect="non-scaling-stroke" strokeWidth={1.5} className={SPAN_TONE[sp.k % 2]}>
                <title>{say(sp.label)}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      {spans.length > 0 && (
        <p className="mt-0.5 flex flex-wrap gap-x-3 text-[11px] text-slate-600 dark:text-slate-300" data-testid="burst-legend">
          <span className="font-semibold text-red-700 dark:text-red-400">{t('ui.panels.rate-over')}</span>
          {spans.slice(-2).map((sp) => (
            <span key={sp.key} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm border ${sp.k % 2 ? 'border-fuchsia-600 bg-fuchsia-400/60' : 'border-amber-600 bg-amber-400/60'}`} />
              {say(sp.label)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
