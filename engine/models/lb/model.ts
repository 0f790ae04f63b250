import { describeClose, isConnectionClosed, type ConnectionClosed } from '../../core/connection';
import type { z } from 'zod';
import { describeHttp, isHttp, type HttpHealthMsg, type HttpHealthOkMsg, type HttpReq, type HttpRes } from '../../clients/http/messages';
import type { Msg } from '../../core/msg';
import { closePhrase } from '../../core/narrate';
import { p, type Arg, type Phrase, type Say } from '../../core/phrase';
import { timerOwner, type NoFields, type TimerOf } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import type { en } from './messages.en';
import { lbParams, type LbParams } from './params';

/** A phrase of this model's messages. */
const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`model.lb.${key}`, args);

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A backend changed state: down after `fall` failed health checks, up after `rise` good ones. */
    'lb.backend': { backend: string; up: boolean; detail: Say };
    /** A request found no backend to go to, or its backend did not answer in time. */
    'lb.fail': { origin: string; backend: string | null; status: 502 | 503 | 504 };
  }
}

/** Node types a load balancer sends traffic to when no backends are named. */
export const BACKEND_TYPES: readonly string[] = ['app'];

type Conf = z.output<typeof lbParams>;

/** One backend's health and traffic. */
export interface Backend {
  id: string;
  up: boolean;
  /** Consecutive failed / good checks. */
  fails: number;
  oks: number;
  /** Id of the check still waiting for its answer, or null. */
  check: number | null;
  /** Requests forwarded to it. */
  sent: number;
}

/** A forwarded request waiting for its backend. */
interface Pending {
  client: string;
  req: HttpReq;
  backend: string;
  timer: number;
}

export interface LbState {
  p: Conf;
  backends: Backend[];
  /** Round-robin cursor: index of the backend that gets the next request. */
  rr: number;
  nextId: number;
  pending: Record<string, Pending>;
}

/** The next round of health checks, and forwarded request `id` running out of time. */
type LbTimers = { health: NoFields; timeout: { id: number } };
const TIMERS = timerOwner<LbTimers>('lb');

function initState(p: Conf): LbState {
  return { p, backends: [], rr: 0, nextId: 1, pending: {} };
}

function without<T>(r: Record<string, T>, k: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(r)) if (key !== k) out[key] = r[key];
  return out;
}

const patch = (s: LbState, id: string, b: Partial<Backend>): LbState => ({ ...s, backends: s.backends.map((x) => (x.id === id ? { ...x, ...b } : x)) });

/** The backend for this request, and the next round-robin cursor. */
function pick(s: LbState, req: HttpReq): { backend: Backend | null; rr: number } {
  if (s.p.policy === 'sticky' && req.affinity !== undefined) {
    const b = s.backends.find((x) => x.id === req.affinity);
    if (b?.up) return { backend: b, rr: s.rr };
  }
  const n = s.backends.length;
  for (let k = 0; k < n; k++) {
    const i = (s.rr + k) % n;
    if (s.backends[i].up) return { backend: s.backends[i], rr: (i + 1) % n };
  }
  return { backend: null, rr: s.rr };
}

function reply(ctx: Ctx, to: string, req: HttpReq, status: 503 | 504, reason: string): void {
  const res: HttpRes = { type: 'http.res', id: req.id, op: req.op, status, reason };
  ctx.send(to, res);
  ctx.trace('lb.fail', { origin: req.origin ?? to, backend: null, status });
}

function forward(s: LbState, req: HttpReq, from: string, ctx: Ctx): LbState {
  const { backend, rr } = pick(s, req);
  if (backend === null) {
    reply(ctx, from, req, 503, 'no backend available');
    ctx.metric('lb.unavailable');
    return s;
  }
  const id = s.nextId;
  const fwd: HttpReq = { ...req, id, origin: req.origin ?? from };
  ctx.send(backend.id, fwd);
  ctx.metric('lb.forwarded');
  const timer = ctx.setTimer(s.p.timeoutMs, TIMERS.make('timeout', { id }));
  const n = patch({ ...s, rr, nextId: id + 1 }, backend.id, { sent: backend.sent + 1 });
  return { ...n, pending: { ...n.pending, [id]: { client: from, req, backend: backend.id, timer } } };
}

function onResponse(s: LbState, res: HttpRes, from: string, ctx: Ctx): LbState {
  const p = s.pending[res.id];
  if (!p || p.backend !== from) return s;
  ctx.cancelTimer(p.timer);
  const sticky = s.p.policy === 'sticky' ? { affinity: from } : {};
  const out: HttpRes = { ...res, id: p.req.id, ...sticky };
  ctx.send(p.client, out);
  return { ...s, pending: without(s.pending, String(res.id)) };
}

/**
 * The connection to a backend was reset or refused (its process died; its host is up): as
 * HAProxy with `observe layer4` and `on-error mark-down`, the backend leaves the rotation at
 * once, and requests forwarded to it are answered 502 now instead of after the timeout.
 */
function connectionEnded(s: LbState, msg: ConnectionClosed, from: string, ctx: Ctx): LbState {
  const b = s.backends.find((x) => x.id === from);
  if (!b || msg.reason === 'eof') return s;
  let n = s;
  for (const [id, p] of Object.entries(s.pending)) {
    if (p.backend !== from) continue;
    ctx.cancelTimer(p.timer);
    const res: HttpRes = { type: 'http.res', id: p.req.id, op: p.req.op, status: 502, reason: describeClose(msg.reason, from) };
    ctx.send(p.client, res);
    ctx.trace('lb.fail', { origin: p.req.origin ?? p.client, backend: from, status: 502 });
    n = { ...n, pending: without(n.pending, id) };
  }
  if (!b.up) return n;
  ctx.trace('lb.backend', { backend: from, up: false, detail: t('detailClosed', { why: closePhrase(msg.reason, from) }) });
  ctx.metric('lb.backend.down');
  return patch(n, from, { up: false, fails: s.p.fall, oks: 0, check: null });
}

/** One check result for backend `id`: counts toward `rise` / `fall`. */
function checked(s: LbState, id: string, ok: boolean, ctx: Ctx): LbState {
  const b = s.backends.find((x) => x.id === id);
  if (!b) return s;
  if (ok) {
    const oks = b.oks + 1;
    if (!b.up && oks >= s.p.rise) {
      ctx.trace('lb.backend', { backend: id, up: true, detail: t('detailRise', { n: oks }) });
      return patch(s, id, { up: true, oks, fails: 0, check: null });
    }
    return patch(s, id, { oks, fails: 0, check: null });
  }
  const fails = b.fails + 1;
  if (b.up && fails >= s.p.fall) {
    ctx.trace('lb.backend', { backend: id, up: false, detail: t('detailFall', { n: fails }) });
    ctx.metric('lb.backend.down');
    return patch(s, id, { up: false, fails, oks: 0, check: null });
  }
  return patch(s, id, { fails, oks: 0, check: null });
}

function healthRound(s0: LbState, ctx: Ctx): LbState {
  let s = s0;
  for (const b of s0.backends) {
    if (b.check !== null) s = checked(s, b.id, false, ctx);
    const id = s.nextId;
    const m: HttpHealthMsg = { type: 'http.health', id };
    ctx.send(b.id, m);
    s = patch({ ...s, nextId: id + 1 }, b.id, { check: id });
  }
  ctx.setTimer(s.p.healthEveryMs, TIMERS.make('health'));
  return s;
}

function onTimer(s: LbState, t: TimerOf<LbTimers>, ctx: Ctx): LbState {
  if (t.timer === 'health') return healthRound(s, ctx);
  const p = s.pending[t.id];
  if (!p) return s;
  const res: HttpRes = { type: 'http.res', id: p.req.id, op: p.req.op, status: 504, reason: `${p.backend} did not answer in ${s.p.timeoutMs} ms` };
  ctx.send(p.client, res);
  ctx.trace('lb.fail', { origin: p.req.origin ?? p.client, backend: p.backend, status: 504 });
  ctx.metric('lb.timeouts');
  return { ...s, pending: without(s.pending, String(t.id)) };
}

/** The backends: the ones named, else every linked node of a backend type, in link order. */
function findBackends(p: Conf, ctx: Ctx): string[] {
  if (p.backends !== undefined) return [...p.backends];
  return ctx.neighbours().filter((n) => BACKEND_TYPES.includes(ctx.typeOf(n) ?? ''));
}

/**
 * A load balancer (HAProxy-like) in front of app services: round-robin or sticky routing,
 * active health checks with rise/fall, a timeout per forwarded request, X-Forwarded-For.
 * Routing is separate from what sits behind it, so a gateway can reuse it.
 */
export const lbModel: ModelDef<LbParams, LbState> = {
  type: 'lb',
  init: (p) => initState(lbParams.parse(p)),
  start(s0, ctx) {
    // Backends start as up (HAProxy's default) and are checked from the first round.
    const backends: Backend[] = findBackends(s0.p, ctx).map((id) => ({ id, up: true, fails: 0, oks: 0, check: null, sent: 0 }));
    ctx.setTimer(s0.p.healthEveryMs, TIMERS.make('health'));
    return { ...s0, backends, rr: 0, pending: {} };
  },
  onMessage(s, msg: Msg, from, ctx) {
    if (isConnectionClosed(msg)) return connectionEnded(s, msg, from, ctx);
    switch (msg.type) {
      case 'http.req':
        return forward(s, msg as HttpReq, from, ctx);
      case 'http.res':
        return onResponse(s, msg as HttpRes, from, ctx);
      case 'http.health.ok': {
        const b = s.backends.find((x) => x.id === from);
        return b && b.check === (msg as HttpHealthOkMsg).id ? checked(s, from, true, ctx) : s;
      }
      default:
        return s;
    }
  },
  onTimer(s, payload, ctx) {
    const tm = TIMERS.match(payload);
    return tm ? onTimer(s, tm, ctx) : s;
  },
  describeTimer: (payload) => (TIMERS.match(payload)?.timer === 'health' ? t('timerHealth') : t('timerTimeout')),
  describeMessage: (msg: Msg) => (isHttp(msg) ? describeHttp(msg) : msg.type),
  narrate(ev, name) {
    switch (ev.type) {
      case 'lb.backend':
        return t(ev.up ? 'backendUp' : 'backendDown', { node: name(ev.node), backend: name(ev.backend), detail: ev.detail });
      case 'lb.fail':
        if (ev.status === 503) return t('fail503', { node: name(ev.node), origin: name(ev.origin) });
        if (ev.status === 502) return t('fail502', { node: name(ev.node), backend: name(ev.backend ?? '?'), origin: name(ev.origin) });
        return t('fail504', { node: name(ev.node), backend: name(ev.backend ?? '?'), origin: name(ev.origin) });
      default:
        return undefined;
    }
  },
};
