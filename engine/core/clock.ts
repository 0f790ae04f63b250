/**
 * A node's clocks. The wall clock reads local(t) = base + (t - t0) × (1 + drift): skew steps
 * `base`, a drift change rebases at the current time so the clock never jumps by itself. The
 * monotonic clock (System.nanoTime, CLOCK_MONOTONIC) runs at the same drifting rate from 0 at
 * t = 0 but is never stepped: software that times leases and sessions on it ignores skew.
 */
export interface LocalClock {
  base: number;
  monoBase: number;
  t0: number;
  drift: number;
}

/** A clock that reads `skewMs` ahead of true time from t = 0 and runs `drift` fast. */
export function newClock(skewMs = 0, drift = 0): LocalClock {
  return { base: skewMs, monoBase: 0, t0: 0, drift };
}

/** What the wall clock shows at true time `t`. */
export function localTime(c: LocalClock, t: number): number {
  return c.base + (t - c.t0) * (1 + c.drift);
}

/** What the monotonic clock shows at true time `t`. */
export function monotonicTime(c: LocalClock, t: number): number {
  return c.monoBase + (t - c.t0) * (1 + c.drift);
}

/** True-time duration of `localMs` of this clock's time. */
export function trueDuration(c: LocalClock, localMs: number): number {
  return localMs / (1 + c.drift);
}

/** Steps the wall clock by `deltaMs` (as NTP or an operator would); the monotonic one is untouched. */
export function skewClock(c: LocalClock, t: number, deltaMs: number): LocalClock {
  return { base: localTime(c, t) + deltaMs, monoBase: monotonicTime(c, t), t0: t, drift: c.drift };
}

/** Sets a new drift rate from true time `t` on. */
export function setDrift(c: LocalClock, t: number, drift: number): LocalClock {
  return { base: localTime(c, t), monoBase: monotonicTime(c, t), t0: t, drift };
}
