import type { Say } from '../../core/phrase';
import { t } from '../say';

/**
 * What a traffic source and a rate limiter (or a gateway with one) say to each other. A request
 * names its key (the user, for per-user limits) and how many permits it needs; the answer says
 * whether it was let through and after how long a wait.
 */

/** Caller -> limiter: one request. */
export interface LimitReq {
  readonly type: 'limit.req';
  /** The caller's request number. */
  readonly id: number;
  /** Whose limit it counts against (the user or API key). */
  readonly key: string;
  readonly permits: number;
}

/** Limiter -> caller: the answer to request `id`, sent when the request is let through (after any wait) or refused. */
export interface LimitRes {
  readonly type: 'limit.res';
  readonly id: number;
  readonly allowed: boolean;
  /** How long the request waited in the limiter before going on (ms). */
  readonly waitMs: number;
  /** HTTP status: 200 through, 429 Too Many Requests. */
  readonly status: 200 | 429;
  /** Response headers, as a gateway sends them (X-RateLimit-…). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type LimitMsg = LimitReq | LimitRes;

/** Whether `m` belongs to this protocol. */
export function isLimitMsg(m: { type: string }): m is LimitMsg {
  return m.type === 'limit.req' || m.type === 'limit.res';
}

/** One line for a message, for narration and the canvas. */
export function describeLimit(m: LimitMsg): Say {
  if (m.type === 'limit.req') return t('limitReq', { id: m.id, key: m.key, permits: m.permits });
  if (!m.allowed) return t('limitDenied', { id: m.id });
  return m.waitMs > 0 ? t('limitOkAfter', { id: m.id, ms: msNumber(m.waitMs) }) : `200 #${m.id}`;
}

/** A duration in ms for narration: whole ms when whole, else to the microsecond. */
export function fmtMs(ms: number): string {
  return `${msNumber(ms)} ms`;
}

/** A duration's number for narration: whole ms when whole, else to the microsecond. */
export function msNumber(ms: number): number {
  return Number.isInteger(ms) ? ms : Number(ms.toFixed(3));
}
