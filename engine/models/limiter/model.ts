import { describeLimit, fmtMs, isLimitMsg, type LimitReq, type LimitRes } from '../../clients/limit/messages';
import type { Msg } from '../../core/msg';
import { p, type Phrase, type Say } from '../../core/phrase';
import { pat, pfind, ppush, premove, pseq, type PSeq } from '../../core/pseq';
import { timerOwner, type TimerOf } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import { decide, newKeyState, type KeyState, type LimiterClocks } from './decide';
import { scgConnectionEnded, scgReply, scgRequest, scgStart, scgTimeout, type ScgOutcome, type ScgState } from './scg';
import { limiterParams, type LimiterAlgorithm, type LimiterParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /**
     * A rate limiter decided request `id` of `client`: let through at once (`waitMs` 0), let
     * through after waiting `waitMs` (queued: a `limiter.release` follows), or refused.
     */
    'limiter.decision': {
      client: string;
      id: number;
      key: string;
      permits: number;
      allowed: boolean;
      waitMs: number;
      algorithm: LimiterAlgorithm['kind'];
      detail: Say;
      /** What the limiter promises, when it promises a count per window ("at most `limit` in any `windowMs`"): the rate-bound invariant checks it. */
      bound: { limit: number; windowMs: number } | null;
    };
    /** A queued request's wait is over: it goes on now. */
    'limiter.release': { client: string; id: number; key: string; waitMs: number };
    /** Spring Cloud Gateway's limiter let a request through because Redis failed (error or no answer). */
    'limiter.fail-open': { client: string; id: number; key: string; reason: Say };
  }
}

/** A request let through after a wait, until its release. */
export interface Queued {
  client: string;
  id: number;
  key: string;
  waitMs: number;
  /** The monotonic time it is released at (ms of this node's clock). */
  releaseAt: number;
}

export interface LimiterState {
  p: { algorithm: LimiterAlgorithm; perKey: boolean };
  /** One limiter per key ('*' when not per key), created at its first request. */
  keys: Record<string, KeyState>;
  /** Requests held for their wait, in the order let through (a long queue: a persistent sequence). */
  queue: PSeq<Queued>;
  allowed: number;
  rejected: number;
  queued: number;
  /** The clocks at the last decision (what the card's gauges were computed from). */
  last: LimiterClocks;
  /** Spring Cloud Gateway's limiter: its Redis requests (null for the other algorithms). */
  scg: ScgState | null;
}

/** A queued request's release. */
type LimiterTimers = { release: { client: string; id: number } };
const TIMERS = timerOwner<LimiterTimers>('limiter');

const ALGORITHM_NAMES: Record<LimiterAlgorithm['kind'], string> = {
  'fixed-window': 'model.limiter.algoFixedWindow',
  'sliding-log': 'model.limiter.algoSlidingLog',
  'sliding-window': 'model.limiter.algoSlidingWindow',
  'leaky-meter': 'model.limiter.algoLeakyMeter',
  'leaky-queue': 'model.limiter.algoLeakyQueue',
  'token-bucket': 'model.limiter.algoTokenBucket',
  'guava-bursty': 'model.limiter.algoGuavaBursty',
  'guava-warmup': 'model.limiter.algoGuavaWarmup',
  'sentinel-reject': 'model.limiter.algoSentinelReject',
  'sentinel-throttle': 'model.limiter.algoSentinelThrottle',
  'sentinel-warmup': 'model.limiter.algoSentinelWarmup',
  'scg-redis': 'model.limiter.algoScgRedis',
};

/** The algorithm's name as the UI and narration say it. */
export const algorithmName = (k: LimiterAlgorithm['kind']): Phrase => p(ALGORITHM_NAMES[k]);

/** The "at most `limit` in any `windowMs`" a windowed algorithm promises; null for the others. */
export function boundOf(a: LimiterAlgorithm): { limit: number; windowMs: number } | null {
  switch (a.kind) {
    case 'fixed-window':
    case 'sliding-log':
    case 'sliding-window':
      return { limit: a.limit, windowMs: a.windowMs };
    case 'sentinel-reject':
      // A flow rule of `count` QPS, counted over intervalMs.
      return { limit: (a.count * a.intervalMs) / 1000, windowMs: a.intervalMs };
    default:
      return null;
  }
}

const clocksOf = (ctx: Ctx): LimiterClocks => ({ wall: ctx.now, mono: ctx.monotonic });

function answer(ctx: Ctx, to: string, id: number, allowed: boolean, waitMs: number, headers?: Record<string, string>): void {
  const res: LimitRes = { type: 'limit.res', id, allowed, waitMs, status: allowed ? 200 : 429, ...(headers ? { headers } : {}) };
  ctx.send(to, res);
}

/** Spring Cloud Gateway's verdict on a request: traced, counted and answered with its headers. */
function scgFinish(s: LimiterState, scg: ScgState, out: ScgOutcome | null, ctx: Ctx): LimiterState {
  const next = { ...s, scg, last: clocksOf(ctx) };
  if (out === null) return next;
  const a = s.p.algorithm;
  const permits = a.kind === 'scg-redis' ? a.requestedTokens : 1;
  if (out.failOpen) {
    ctx.trace('limiter.fail-open', { client: out.client, id: out.id, key: out.key, reason: out.detail });
    ctx.metric('limiter.fail-open');
  }
  ctx.trace('limiter.decision', { client: out.client, id: out.id, key: out.key, permits, allowed: out.allowed, waitMs: 0, algorithm: 'scg-redis', detail: out.detail, bound: null });
  ctx.metric(out.allowed ? 'limiter.allowed' : 'limiter.rejected');
  answer(ctx, out.client, out.id, out.allowed, 0, out.headers);
  return out.allowed ? { ...next, allowed: s.allowed + 1 } : { ...next, rejected: s.rejected + 1 };
}

function onRequest(s: LimiterState, req: LimitReq, from: string, ctx: Ctx): LimiterState {
  const a = s.p.algorithm;
  if (a.kind === 'scg-redis') {
    const r = scgRequest(s.scg ?? { io: null, waiting: [], last: {} }, a, from, req.id, s.p.perKey ? req.key : '*', ctx);
    return scgFinish(s, r.s, r.out, ctx);
  }
  const key = s.p.perKey ? req.key : '*';
  const clocks = clocksOf(ctx);
  const k = s.keys[key] ?? newKeyState(a, clocks);
  const d = decide(a, k, clocks, req.permits);
  const { allowed, waitMs } = d.decision;
  ctx.trace('limiter.decision', { client: from, id: req.id, key: req.key, permits: req.permits, allowed, waitMs, algorithm: a.kind, detail: d.detail, bound: boundOf(a) });
  const next: LimiterState = { ...s, keys: { ...s.keys, [key]: d.state }, last: clocks };
  if (!allowed) {
    ctx.metric('limiter.rejected');
    answer(ctx, from, req.id, false, 0);
    return { ...next, rejected: s.rejected + 1 };
  }
  if (waitMs <= 0) {
    ctx.metric('limiter.allowed');
    answer(ctx, from, req.id, true, 0);
    return { ...next, allowed: s.allowed + 1 };
  }
  ctx.metric('limiter.queued');
  ctx.setTimer(waitMs, TIMERS.make('release', { client: from, id: req.id }));
  const q: Queued = { client: from, id: req.id, key: req.key, waitMs, releaseAt: clocks.mono + waitMs };
  return { ...next, queued: s.queued + 1, queue: ppush(s.queue, q) };
}

function onRelease(s: LimiterState, t: TimerOf<LimiterTimers>, ctx: Ctx): LimiterState {
  const i = pfind(s.queue, (q) => q.client === t.client && q.id === t.id);
  if (i < 0) return s;
  const q = pat(s.queue, i);
  ctx.trace('limiter.release', { client: q.client, id: q.id, key: q.key, waitMs: q.waitMs });
  ctx.metric('limiter.allowed');
  answer(ctx, q.client, q.id, true, q.waitMs);
  return { ...s, allowed: s.allowed + 1, queue: premove(s.queue, i), last: clocksOf(ctx) };
}

/**
 * A rate limiter in front of a service: decides every request with its algorithm (one of the
 * four classic ones, or Guava's, or Sentinel's), per key or shared; answers at once (200 or
 * 429), or holds a request for its wait and lets it go then. Its state is volatile: a crash
 * forgets every counter and drops the queue.
 */
export const limiterModel: ModelDef<LimiterParams, LimiterState> = {
  type: 'limiter',
  init: (params) => {
    const p = limiterParams.parse(params);
    return { p, keys: {}, queue: pseq(), allowed: 0, rejected: 0, queued: 0, last: { wall: 0, mono: 0 }, scg: null };
  },
  start: (s, ctx) => ({ ...s, last: clocksOf(ctx), scg: s.p.algorithm.kind === 'scg-redis' ? scgStart(s.p.algorithm, ctx) : null }),
  onMessage(s, msg: Msg, from, ctx) {
    if (msg.type === 'limit.req') return onRequest(s, msg as LimitReq, from, ctx);
    const a = s.p.algorithm;
    if (a.kind !== 'scg-redis' || s.scg === null) return s;
    const ended = scgConnectionEnded(s.scg, a, msg, from, ctx);
    if (ended) {
      let next: LimiterState = { ...s, scg: ended.s };
      for (const out of ended.outs) next = scgFinish(next, ended.s, out, ctx);
      return next;
    }
    const r = scgReply(s.scg, a, msg, from, ctx);
    return r ? scgFinish(s, r.s, r.out, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const t = TIMERS.match(payload);
    if (t) return onRelease(s, t, ctx);
    const a = s.p.algorithm;
    if (a.kind !== 'scg-redis' || s.scg === null) return s;
    const r = scgTimeout(s.scg, a, payload);
    return r ? scgFinish(s, r.s, r.out, ctx) : s;
  },
  describeTimer: (payload) => {
    const t = TIMERS.match(payload);
    return t ? p('model.limiter.timerRelease', { id: t.id, client: t.client }) : p('model.limiter.timer');
  },
  describeMessage: (msg: Msg) => (isLimitMsg(msg) ? describeLimit(msg) : msg.type),
  narrate(ev, name) {
    switch (ev.type) {
      case 'limiter.decision': {
        const who = p('model.limiter.who', { client: name(ev.client), id: ev.id, permits: ev.permits });
        const args = { node: name(ev.node), algo: algorithmName(ev.algorithm), who, detail: ev.detail };
        if (!ev.allowed) return p('model.limiter.refuses', args);
        if (ev.waitMs > 0) return p('model.limiter.letsAfterWait', { ...args, wait: fmtMs(ev.waitMs) });
        return p('model.limiter.lets', args);
      }
      case 'limiter.fail-open':
        return p('model.limiter.failOpen', { node: name(ev.node), client: name(ev.client), id: ev.id, reason: ev.reason });
      case 'limiter.release':
        return p('model.limiter.release', { node: name(ev.node), client: name(ev.client), id: ev.id, wait: fmtMs(ev.waitMs) });
      default:
        return undefined;
    }
  },
};
