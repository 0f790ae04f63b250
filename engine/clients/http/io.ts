import type { Msg } from '../../core/msg';
import { timerOwner } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { HttpReq, HttpRes } from './messages';

/**
 * One request at a time over HTTP for user programs: an id, a timeout, and matching the
 * answer. Plain data. A request with no answer in time counts as a 504 from the caller's side.
 */
export interface HttpIo {
  nextId: number;
  /** The request in flight, or null. */
  pending: { id: number; op: HttpReq['op']; timer: number } | null;
}

/** A request's timeout timer. */
const TIMERS = timerOwner<{ timeout: { id: number } }>('http-client');

/** Fresh bookkeeping; ids start at a random point so answers meant for an earlier life match nothing. */
export function startHttpIo(ctx: Ctx): HttpIo {
  return { nextId: 1 + Math.floor(ctx.random() * 1e9), pending: null };
}

/** Sends `req` (without its id) to `to`; it times out after `timeoutMs`. */
export function httpSend(io: HttpIo, to: string, req: Omit<HttpReq, 'type' | 'id'>, timeoutMs: number, ctx: Ctx): HttpIo {
  const id = io.nextId;
  const m: HttpReq = { type: 'http.req', id, ...req };
  ctx.send(to, m);
  const timer = ctx.setTimer(timeoutMs, TIMERS.make('timeout', { id }));
  return { nextId: id + 1, pending: { id, op: req.op, timer } };
}

/** The answer to the request in flight, or null when `msg` is not it. */
export function httpAnswer(io: HttpIo, msg: Msg, ctx: Ctx): { io: HttpIo; res: HttpRes } | null {
  if (msg.type !== 'http.res' || io.pending === null) return null;
  const res = msg as HttpRes;
  if (res.id !== io.pending.id) return null;
  ctx.cancelTimer(io.pending.timer);
  return { io: { ...io, pending: null }, res };
}

/** The request in flight timed out: a 504 as the caller sees it. Null when the timer is not its. */
export function httpTimedOut(io: HttpIo, payload: unknown): { io: HttpIo; res: HttpRes } | null {
  const t = TIMERS.match(payload);
  if (t === null || io.pending === null || t.id !== io.pending.id) return null;
  const res: HttpRes = { type: 'http.res', id: io.pending.id, op: io.pending.op, status: 504, reason: 'no answer in time' };
  return { io: { ...io, pending: null }, res };
}

/** Whether a timer payload is an HTTP timeout. */
export function isHttpTimeout(payload: unknown): boolean {
  return TIMERS.match(payload) !== null;
}
