/** Width (px) an idle stretch is squeezed into, with its zigzag and label. */
export const GAP_PX = 22;
/** A stretch counts as idle when nothing happens for at least this share of the view… */
const IDLE_SHARE = 0.2;
/** …and at least this long (ms). */
const IDLE_MIN_MS = 40;
/** At most this many idle stretches are squeezed (the longest ones). */
const MAX_GAPS = 4;

/** An idle stretch drawn squeezed: from `t0` to `t1`, between pixels `x0` and `x0 + GAP_PX`. */
export interface Gap {
  t0: number;
  t1: number;
  x0: number;
}

/**
 * Virtual time -> pixels for the visible range `v0`..`v1` across `width` px starting at `left`,
 * linear except where nothing happens for a long stretch: those are squeezed to a fixed
 * width, so a 30 s session timeout does not push every message off to the sides.
 */
export class TimeScale {
  readonly gaps: Gap[];
  private readonly k: number;

  private constructor(
    readonly v0: number,
    readonly v1: number,
    readonly left: number,
    readonly width: number,
    gaps: { t0: number; t1: number }[],
  ) {
    const idle = gaps.reduce((n, g) => n + g.t1 - g.t0, 0);
    const busy = Math.max(1e-9, v1 - v0 - idle);
    this.k = Math.max(1e-9, width - gaps.length * GAP_PX) / busy;
    this.gaps = [];
    let x = left;
    let t = v0;
    for (const g of gaps) {
      x += (g.t0 - t) * this.k;
      this.gaps.push({ ...g, x0: x });
      x += GAP_PX;
      t = g.t1;
    }
  }

  /**
   * The scale for `v0`..`v1`, squeezing the longest idle stretches between consecutive event
   * `times` (ascending, read through `at(k)` for k in `from`..`to`).
   */
  static build(v0: number, v1: number, left: number, width: number, times: { from: number; to: number; at: (k: number) => number }): TimeScale {
    const span = Math.max(1e-6, v1 - v0);
    const min = Math.max(IDLE_MIN_MS, span * IDLE_SHARE);
    const found: { t0: number; t1: number }[] = [];
    let prev = v0;
    for (let k = times.from; k <= times.to; k++) {
      const t = k < times.to ? Math.min(v1, times.at(k)) : v1;
      if (t - prev >= min) found.push({ t0: prev + min * 0.15, t1: t - min * 0.15 });
      prev = Math.max(prev, t);
    }
    const gaps = found
      .sort((a, b) => b.t1 - b.t0 - (a.t1 - a.t0))
      .slice(0, MAX_GAPS)
      .sort((a, b) => a.t0 - b.t0);
    return new TimeScale(v0, v1, left, width, gaps);
  }

  /** Pixel of time `t` (a time inside a gap lands proportionally inside its squeezed width). */
  x(t: number): number {
    let x = this.left;
    let from = this.v0;
    for (const g of this.gaps) {
      if (t < g.t0) break;
      if (t <= g.t1) return g.x0 + ((t - g.t0) / Math.max(1e-9, g.t1 - g.t0)) * GAP_PX;
      x = g.x0 + GAP_PX;
      from = g.t1;
    }
    return x + (t - from) * this.k;
  }

  /** Time at pixel `x` (the inverse of `x`). */
  t(x: number): number {
    let px = this.left;
    let from = this.v0;
    for (const g of this.gaps) {
      if (x < g.x0) break;
      if (x <= g.x0 + GAP_PX) return g.t0 + ((x - g.x0) / GAP_PX) * (g.t1 - g.t0);
      px = g.x0 + GAP_PX;
      from = g.t1;
    }
    return from + (x - px) / this.k;
  }

  /** Milliseconds per pixel on the linear parts. */
  get msPerPx(): number {
    return 1 / this.k;
  }
}
