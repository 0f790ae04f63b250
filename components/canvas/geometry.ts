import { Position } from '@xyflow/react';

export interface Point {
  x: number;
  y: number;
}

/**
 * A cubic Bézier curve, with a table of cumulative arc lengths so points can be placed by
 * distance. The table is made when a point is first placed on it (see arcLengths): drawing a
 * link needs only the four points, and a big document draws hundreds of links that carry nothing.
 */
export interface Curve {
  p0: Point;
  p1: Point;
  p2: Point;
  p3: Point;
  /** lengths[i] = arc length from the start to parameter i / SAMPLES; null until first needed. */
  lengths: number[] | null;
}

const SAMPLES = 48;

const OUTWARD: Record<Position, Point> = {
  [Position.Left]: { x: -1, y: 0 },
  [Position.Right]: { x: 1, y: 0 },
  [Position.Top]: { x: 0, y: -1 },
  [Position.Bottom]: { x: 0, y: 1 },
};

/** The point of curve `c` at parameter `t` (0 at its start, 1 at its end). */
export function curvePoint(c: Omit<Curve, 'lengths'>, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x, y: a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y };
}

/**
 * The curve an edge is drawn along, leaving each handle straight out of its side. The edge
 * component draws this same curve, so a message dot placed on it sits exactly on the line
 * (React Flow's getBezierPath does not expose its control points).
 */
export function edgeCurve(sx: number, sy: number, sp: Position, tx: number, ty: number, tp: Position): Curve {
  const pull = Math.max(40, Math.hypot(tx - sx, ty - sy) * 0.4);
  return {
    p0: { x: sx, y: sy },
    p1: { x: sx + OUTWARD[sp].x * pull, y: sy + OUTWARD[sp].y * pull },
    p2: { x: tx + OUTWARD[tp].x * pull, y: ty + OUTWARD[tp].y * pull },
    p3: { x: tx, y: ty },
    lengths: null,
  };
}

/** Curve `c`'s table of cumulative arc lengths, made (and kept on it) the first time it is asked for. */
function arcLengths(c: Curve): number[] {
  if (c.lengths) return c.lengths;
  const lengths = [0];
  let prev = c.p0;
  for (let i = 1; i <= SAMPLES; i++) {
    const p = curvePoint(c, i / SAMPLES);
    lengths.push(lengths[i - 1] + Math.hypot(p.x - prev.x, p.y - prev.y));
    prev = p;
  }
  c.lengths = lengths;
  return lengths;
}

/** The SVG path data of a curve. */
export function curvePath(c: Curve): string {
  return `M${c.p0.x},${c.p0.y} C${c.p1.x},${c.p1.y} ${c.p2.x},${c.p2.y} ${c.p3.x},${c.p3.y}`;
}

/** The curve's length (px). */
export function curveLength(c: Curve): number {
  return arcLengths(c)[SAMPLES];
}

/** The point `fraction` (0..1) of the way along the curve by distance travelled, not by parameter. */
export function pointAlong(c: Curve, fraction: number): Point {
  const f = Math.min(1, Math.max(0, fraction));
  const lengths = arcLengths(c);
  const total = lengths[SAMPLES];
  if (total === 0) return c.p0;
  const target = f * total;
  let lo = 0;
  let hi = SAMPLES;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lengths[mid] < target) lo = mid;
    else hi = mid;
  }
  const span = lengths[hi] - lengths[lo];
  const t = (lo + (span > 0 ? (target - lengths[lo]) / span : 0)) / SAMPLES;
  return curvePoint(c, t);
}

/** A node's box on the canvas. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Cards are wide: a link leaves from the top or bottom only when the other card is well above or below. */
const SIDEWAYS_BIAS = 0.6;
/** A link attaches at least this far (px) from a side's corners. */
const CORNER = 14;

const clamp = (v: number, lo: number, hi: number) => (hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));

/**
 * Where a link between two cards attaches: on the sides that face each other, whichever way
 * the cards sit (React Flow's floating-edge pattern), at the point where the line between the
 * cards' centres crosses that side (as the floating-edges example's node intersection does),
 * kept clear of the corners. So the links into one card fan out along its side instead of
 * meeting in one point, and a link to a card further down leaves low. Links carry messages
 * both ways, so which handle a link was drawn from says nothing about where it should leave.
 */
export function facingSides(a: Box, b: Box): { sx: number; sy: number; sp: Position; tx: number; ty: number; tp: Position } {
  const ac = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const bc = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const dx = bc.x - ac.x;
  const dy = bc.y - ac.y;
  // Distances in card sizes, so a wide card beside a tall gap still links sideways.
  const across = Math.abs(dx) / (a.width + b.width);
  const down = Math.abs(dy) / (a.height + b.height);
  if (across >= SIDEWAYS_BIAS * down) {
    const right = dx >= 0;
    const sx = right ? a.x + a.width : a.x;
    const tx = right ? b.x : b.x + b.width;
    // The centre line's height where it crosses each side.
    const slope = dx === 0 ? 0 : dy / dx;
    return {
      sx,
      sy: clamp(ac.y + slope * (sx - ac.x), a.y + CORNER, a.y + a.height - CORNER),
      sp: right ? Position.Right : Position.Left,
      tx,
      ty: clamp(bc.y + slope * (tx - bc.x), b.y + CORNER, b.y + b.height - CORNER),
      tp: right ? Position.Left : Position.Right,
    };
  }
  const below = dy >= 0;
  const sy = below ? a.y + a.height : a.y;
  const ty = below ? b.y : b.y + b.height;
  const run = dy === 0 ? 0 : dx / dy;
  return {
    sx: clamp(ac.x + run * (sy - ac.y), a.x + CORNER, a.x + a.width - CORNER),
    sy,
    sp: below ? Position.Bottom : Position.Top,
    tx: clamp(bc.x + run * (ty - bc.y), b.x + CORNER, b.x + b.width - CORNER),
    ty,
    tp: below ? Position.Top : Position.Bottom,
  };
}
