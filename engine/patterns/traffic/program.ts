import type { LimitReq, LimitRes } from '../../clients/limit/messages';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { nextFloat, seedRng, type RngState } from '../../core/rng';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import { arrival } from './arrivals';
import { trafficParams, type TrafficParams } from './params';

/** Node types a traffic source sends to when no targets are named. */
const TARGET_TYPES: readonly string[] = ['limiter', 'gateway'];

export interface TrafficState {
  p: TrafficParams;
  targets: string[];
  key: string;
  /** Its own generator (when seeded), else null: the run's generator. */
  rng: RngState | null;
  /** The next arrival's index, and its time (ms after the start, of the monotonic clock), or null when done. */
  i: number;
  nextAt: number | null;
  nextPermits: number;
  /** Monotonic time it started at. */
  startedAt: number;
  sent: number;
  ok: number;
  refused: number;
  waited: number;
}

/** The next arrival. */
const TIMERS = timerOwner<{ send: NoFields }>('traffic');

function initState(p: TrafficParams): TrafficState {
  return { p, targets: [], key: p.key ?? '', rng: null, i: 0, nextAt: null, nextPermits: p.permits, startedAt: 0, sent: 0, ok: 0, refused: 0, waited: 0 };
}

/** Draws a uniform number from the source's own generator (copied: states are never mutated) or the run's. */
function draw(s: TrafficState, ctx: Ctx): { u: number; rng: RngState | null } {
  if (s.rng === null) return { u: ctx.random(), rng: null };
  const rng: RngState = [...s.rng];
  return { u: nextFloat(rng), rng };
}

/** Works out arrival `s.i` and arms its timer (or finishes). */
function plan(s: TrafficState, prevAt: number, ctx: Ctx): TrafficState {
  const { u, rng } = draw(s, ctx);
  const a = arrival(s.p.shape, s.i, prevAt, u);
  const stop = s.p.stopMs;
  if (a === null || (stop !== undefined && s.p.startMs + a.at >= stop)) return { ...s, rng, nextAt: null };
  ctx.setTimer(Math.max(0, s.startedAt + a.at - ctx.monotonic), TIMERS.make('send'));
  return { ...s, rng, nextAt: a.at, nextPermits: a.permits ?? s.p.permits };
}

/** Sends arrival `s.i` to every target, then plans the next. */
function send(s: TrafficState, ctx: Ctx): TrafficState {
  if (s.nextAt === null) return s;
  const req: LimitReq = { type: 'limit.req', id: s.i + 1, key: s.key, permits: s.nextPermits };
  for (const t of s.targets) ctx.send(t, req);
  return plan({ ...s, i: s.i + 1, sent: s.sent + 1 }, s.nextAt, ctx);
}

/**
 * A traffic source: sends `limit.req`s to its targets at the times its shape gives (constant,
 * Poisson, on/off bursts, a burst at a window's boundary, a ramp, a list), every target getting
 * the very same arrivals, so limiters side by side judge identical traffic. It counts the answers.
 */
export const traffic: ProgramDef<TrafficParams, TrafficState> = {
  kind: 'traffic',
  init: (params) => initState(trafficParams.parse(params)),
  start(s0, ctx) {
    const targets = s0.p.targets ? [...s0.p.targets] : ctx.neighbours().filter((n) => TARGET_TYPES.includes(ctx.typeOf(n) ?? ''));
    const s: TrafficState = { ...s0, targets, key: s0.p.key ?? ctx.self, startedAt: ctx.monotonic + s0.p.startMs, i: 0, rng: s0.p.seed === undefined ? null : seedRng(s0.p.seed) };
    return plan(s, 0, ctx);
  },
  onMessage(s, msg) {
    if (msg.type !== 'limit.res') return s;
    const r = msg as LimitRes;
    if (!r.allowed) return { ...s, refused: s.refused + 1 };
    return { ...s, ok: s.ok + 1, waited: s.waited + (r.waitMs > 0 ? 1 : 0) };
  },
  onTimer(s, payload, ctx) {
    return TIMERS.match(payload) ? send(s, ctx) : s;
  },
  view(s) {
    const detail = p('pattern.traffic.detail', { sent: s.sent, ok: s.ok, waited: s.waited ? p('pattern.traffic.waited', { n: s.waited }) : '', refused: s.refused });
    if (s.targets.length === 0) return { status: 'failed', detail: p('pattern.traffic.noLimiter') };
    return { status: s.nextAt === null ? 'done' : 'working', detail };
  },
  describeTimer: () => p('pattern.traffic.timerNext'),
};
