/**
 * A node's local clock: local(t) = base + (t - t0) × (1 + drift). Skew jumps `base`; a drift
 * change rebases at the current time so the clock never jumps by itself.
 */
export interface LocalClock {
  base: number;
  t0: number;
  drift: number;
}

/** A clock that reads `skewMs` ahead of true time from t = 0 and runs `drift` fast. */
export function newClock(skewMs = 0, drift = 0): LocalClock {
  return { base: skewMs, t0: 0, drift };
}

/** What the clock shows at true time `t`. */
export function localTime(c: LocalClock, t: number): number {
  return c.base + (t - c.t0) * (1 + c.drift);
}

/** True-time duration of `localMs` of this clock's time. */
export function trueDuration(c: LocalClock, localMs: number): number {
  return localMs / (1 + c.drift);
}

/** Shifts the clock by `deltaMs` (a clock step, as NTP or an operator would make). */
export function skewClock(c: LocalClock, t: number, deltaMs: number): LocalClock {
  return { base: localTime(c, t) + deltaMs, t0: t, drift: c.drift };
}

/** Sets a new drift rate from true time `t` on. */
export function setDrift(c: LocalClock, t: number, drift: number): LocalClock {
  return { base: localTime(c, t), t0: t, drift };
}
