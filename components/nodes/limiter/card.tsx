'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { Fragment, memo } from 'react';
import type { KeyShape, LimiterView } from '@/engine/models/limiter/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeClock, useNodeView } from '../use-node-live';

const term = 'text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400';
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const r1 = (x: number) => (Math.abs(x - Math.round(x)) < 0.05 ? String(Math.round(x)) : x.toFixed(1));

/** A level that moves between decisions: tokens dripping in, water leaking out. Drawn at the node's clock `now`. */
function Gauge({ s, now }: { s: Extract<KeyShape, { shape: 'gauge' }>; now: number }) {
  const value = clamp(s.value + (s.perSec * Math.max(0, now - s.at)) / 1000, 0, s.max);
  const pct = s.max > 0 ? (value / s.max) * 100 : 0;
  const colour = s.perSec < 0 ? 'bg-sky-500' : 'bg-amber-500';
  const { say } = useI18n();
  return (
    <div data-testid="limiter-gauge" data-value={value.toFixed(3)} className="space-y-0.5">
      <div className="flex justify-between text-[10px] text-slate-600 tabular-nums dark:text-slate-300">
        <span>{say(s.label)}</span>
        <span>
          {r1(value)} / {r1(s.max)}
        </span>
      </div>
      <div className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" role="meter" aria-label={say(s.label)} aria-valuemin={0} aria-valuemax={s.max} aria-valuenow={Number(value.toFixed(2))}>
        <div className={`h-full ${colour}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** The current fixed window: its counter against the limit, and how far through the window the clock is (the boundary at the right end). */
function Window({ s, now }: { s: Extract<KeyShape, { shape: 'window' }>; now: number }) {
  const live = now >= s.start && now < s.start + s.lengthMs;
  const count = live ? s.count : 0;
  const through = live ? ((now - s.start) / s.lengthMs) * 100 : 0;
  const { t } = useI18n();
  return (
    <div data-testid="limiter-window" data-count={count} className="space-y-0.5">
      <div className="flex justify-between text-[10px] text-slate-600 tabular-nums dark:text-slate-300">
        <span>{live ? t('ui.node.limiter.window', { s: r1(s.start / 1000) }) : t('ui.node.limiter.windowNew')}</span>
        <span className={count >= s.limit ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
          {count} / {s.limit}
        </span>
      </div>
      <div className="relative h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <div className="h-full bg-amber-500" style={{ width: `${clamp((count / s.limit) * 100, 0, 100)}%` }} />
        <div className="absolute top-0 h-full w-px bg-slate-900 dark:bg-white" style={{ left: `${through}%` }} aria-hidden />
      </div>
    </div>
  );
}

/** Slot counters of a sliding window (or Sentinel's buckets): one bar per slot still in the window, the current one last. */
function Slots({ s, now }: { s: Extract<KeyShape, { shape: 'slots' }>; now: number }) {
  const n = Math.max(1, Math.round(s.windowMs / s.slotMs));
  const cur = Math.floor(now / s.slotMs) * s.slotMs;
  const bars = Array.from({ length: n }, (_, i) => {
    const start = cur - (n - 1 - i) * s.slotMs;
    return { start, count: s.slots.find((x) => Math.abs(x.start - start) < 1e-6)?.count ?? 0 };
  });
  const total = bars.reduce((a, b) => a + b.count, 0);
  const top = Math.max(1, s.limit);
  const { t } = useI18n();
  return (
    <div data-testid="limiter-slots" data-total={total} className="space-y-0.5">
      <div className="flex justify-between text-[10px] text-slate-600 tabular-nums dark:text-slate-300">
        <span>{t('ui.node.limiter.slots', { n, ms: r1(s.slotMs) })}</span>
        <span>
          {total} / {r1(s.limit)}
        </span>
      </div>
      <div className="flex h-6 items-end gap-0.5" aria-hidden>
        {/* Keyed by position: a seek (or the window sliding on) restyles the bars in place rather than replacing them. */}
        {bars.map((b, i) => (
          <div key={i} className="flex h-full flex-1 items-end rounded-sm bg-slate-200 dark:bg-slate-700">
            <div className={`w-full rounded-sm ${i === n - 1 ? 'bg-amber-500' : 'bg-amber-300 dark:bg-amber-700'}`} style={{ height: `${clamp((b.count / top) * 100, b.count > 0 ? 8 : 0, 100)}%` }} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** The sliding log: one tick per admitted request of the last window, sliding left as time passes. */
function Log({ s, now }: { s: Extract<KeyShape, { shape: 'log' }>; now: number }) {
  const { t: tr } = useI18n();
  const inside = s.times.filter((t) => t > now - s.windowMs && t <= now);
  return (
    <div data-testid="limiter-log" data-count={inside.length} className="space-y-0.5">
      <div className="flex justify-between text-[10px] text-slate-600 tabular-nums dark:text-slate-300">
        <span>{tr('ui.node.limiter.last', { ms: r1(s.windowMs) })}</span>
        <span className={inside.length >= s.limit ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
          {inside.length} / {s.limit}
        </span>
      </div>
      <div className="relative h-2.5 rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden>
        {inside.map((t, i) => (
          <span key={`${t}-${i}`} className="absolute top-0 h-full w-0.5 bg-amber-600 dark:bg-amber-400" style={{ left: `${((t - (now - s.windowMs)) / s.windowMs) * 100}%` }} />
        ))}
      </div>
    </div>
  );
}

/** A pacing queue: the requests waiting, each leaving at its time; drains at the fixed rate. */
function Pace({ v, now }: { v: LimiterView; now: number }) {
  const { t } = useI18n();
  const waiting = v.queue.filter((q) => q.releaseAt > now);
  return (
    <div data-testid="limiter-queue" data-waiting={waiting.length} className="space-y-0.5">
      <div className="flex justify-between text-[10px] text-slate-600 tabular-nums dark:text-slate-300">
        <span>{t('ui.node.limiter.queue')}</span>
        <span>{t('ui.node.limiter.waiting', { n: waiting.length })}</span>
      </div>
      <div className="flex h-3 gap-0.5" aria-hidden>
        {/* Keyed by position: the spans all look alike, and a seek (or the queue draining) then keeps them instead of replacing them. */}
        {waiting.slice(0, 16).map((q, i) => (
          <span key={i} className="h-3 w-2 rounded-sm bg-sky-500" title={t('ui.node.limiter.leavesIn', { ms: r1(q.releaseAt - now) })} />
        ))}
        {waiting.length > 16 && <span className="text-[10px] text-slate-500">+{waiting.length - 16}</span>}
      </div>
    </div>
  );
}

/** Spring Cloud Gateway: the bucket is in Redis; what the last response said, header by header. */
function Headers({ s }: { s: Extract<KeyShape, { shape: 'headers' }> }) {
  const { t } = useI18n();
  return (
    <dl data-testid="limiter-headers" data-remaining={s.headers['X-RateLimit-Remaining']} className="grid grid-cols-[auto_1fr] gap-x-2 font-mono text-[10px] text-slate-600 dark:text-slate-300">
      <dt>{t('ui.node.limiter.status')}</dt>
      <dd className={s.allowed ? 'text-emerald-700 dark:text-emerald-300' : 'font-semibold text-red-700 dark:text-red-300'}>{s.allowed ? '200' : '429'}</dd>
      {Object.entries(s.headers).map(([k, val]) => (
        <Fragment key={k}>
          <dt className="truncate">{k.replace('X-RateLimit-', '…')}</dt>
          <dd className="tabular-nums">{val}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function KeyState({ s, v, now }: { s: KeyShape; v: LimiterView; now: number }) {
  switch (s.shape) {
    case 'gauge':
      return <Gauge s={s} now={now} />;
    case 'window':
      return <Window s={s} now={now} />;
    case 'slots':
      return <Slots s={s} now={now} />;
    case 'log':
      return <Log s={s} now={now} />;
    case 'pace':
      return <Pace v={v} now={now} />;
    case 'headers':
      return <Headers s={s} />;
  }
}

/** One key's limiter at node `id`'s clock: the only part of the card that follows every frame of playback. */
function LiveKeyState({ id, s, v, ticking }: { id: string; s: KeyShape; v: LimiterView; ticking: boolean }) {
  const now = useNodeClock(id, ticking);
  return <KeyState s={s} v={v} now={now} />;
}

/**
 * A rate limiter: its algorithm and limit, what it let through, refused and queued, and each
 * key's limiter drawn at the node's clock: the bucket's level, the window's counter with its
 * boundary, the slots, the log, the queue draining.
 */
function LimiterCardImpl({ id, data, selected }: CardProps<'limiter'>) {
  const { t } = useI18n();
  const live = useNodeView<'limiter'>(id);
  const labels = usePlayback(selectLabels);
  const { say } = useI18n();
  const v = live?.view ?? null;
  const ticking = v !== null && live?.status !== 'crashed';
  return (
    <NodeCard id={id} label={data.label} kind="limiter" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {v ? (
        <div className="space-y-1.5" data-testid="limiter-state" data-algorithm={v.algorithm} data-allowed={v.allowed} data-rejected={v.rejected}>
          <p className="key-field flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-[10px] font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">{say(v.name)}</span>
            <span className="text-[10px] text-slate-500 dark:text-slate-400">{say(v.limit)}</span>
          </p>
          <p className="flex gap-2 text-[11px] tabular-nums">
            <span className="text-emerald-700 dark:text-emerald-300">{t('ui.node.limiter.through', { n: v.allowed })}</span>
            <span className="text-red-700 dark:text-red-300">{t('ui.node.limiter.refused', { n: v.rejected })}</span>
            {v.queued > 0 && <span className="text-sky-700 dark:text-sky-300">{t('ui.node.limiter.waited', { n: v.queued })}</span>}
          </p>
          {v.keys.length === 0 ? (
            <p className="text-[11px] text-slate-500 italic dark:text-slate-400">{t('ui.node.limiter.noRequest')}</p>
          ) : (
            <ul className="space-y-1.5">
              {v.keys.map((k) => (
                <li key={k.key}>
                  {v.keys.length > 1 || k.key !== '*' ? <p className={term}>{labels[k.key] ?? k.key}</p> : null}
                  <LiveKeyState id={id} s={k.state} v={v} ticking={ticking} />
                </li>
              ))}
            </ul>
          )}
          {v.moreKeys > 0 && <p className="text-[10px] text-slate-500">{t('ui.node.limiter.moreKeys', { n: v.moreKeys })}</p>}
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const LimiterCard = memo(LimiterCardImpl);
