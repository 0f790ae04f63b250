import type { PlaybackState } from '@/stores/playback-store';
import { selectBusyLinks, selectLinkConn, selectLinkCut, selectLinkWaiting } from '@/stores/selectors';
import { curvePath, curvePoint, type Curve, type Point } from './geometry';
import type { LinkEdge } from './flow-types';

/**
 * How near (screen px) a press must come to a link drawn in the far-link layer to be on it:
 * a few pixels, less than React Flow's own wide hit stroke, so that in a dense far view a drag
 * that starts between two links pans the canvas instead of landing on one.
 */
export const LINK_HIT_PX = 6;

/** What the far view must show of a link beyond a plain line. */
export const MARK = { plain: '0', busy: '1', own: '2' } as const;

/**
 * One character per link of `ids` (see MARK): `own` for a link that needs its own edge (cut, a
 * connection waiting or just ended, each with its label), `busy` for one drawn thicker because
 * messages are on it (their dots are drawn by WireDots or the crowded wire's canvas, whatever
 * draws the link), `plain` otherwise. A string, so a store update that changes none of them
 * re-renders nothing.
 */
export function selectLinkMarks(s: PlaybackState, ids: readonly string[]): string {
  const busy = selectBusyLinks(s);
  let out = '';
  for (const id of ids) {
    if (selectLinkCut(s, id) || selectLinkWaiting(s, id) !== '' || selectLinkConn(s, id) !== '') out += MARK.own;
    else if (busy.has(id)) out += MARK.busy;
    else out += MARK.plain;
  }
  return out;
}

/** A big document's links seen from afar: those React Flow draws as edges, and the layer's. */
export interface SplitLinks {
  /** Links that show more than a line: React Flow gets these, and only these. */
  own: LinkEdge[];
  /** Plain links, drawn by the layer; `busy[i]` tells whether `plain[i]` carries messages. */
  plain: LinkEdge[];
  busy: boolean[];
}

/**
 * Splits `edges` by their `marks` (see selectLinkMarks): a link marked `own`, or one `keep`
 * holds (selected, pointed out, a link of a selected card), is an edge of its own; the rest are
 * the layer's. React Flow is not given the plain ones at all: each edge it has, even hidden,
 * mounts a component with four store subscriptions, rerun on every change to its store.
 */
export function splitLinks(edges: readonly LinkEdge[], marks: string, keep: (e: LinkEdge) => boolean): SplitLinks {
  const out: SplitLinks = { own: [], plain: [], busy: [] };
  edges.forEach((e, i) => {
    if (marks[i] === MARK.own || keep(e)) out.own.push(e);
    else {
      out.plain.push(e);
      out.busy.push(marks[i] === MARK.busy);
    }
  });
  return out;
}

/** The path data of many curves at once: one SVG path draws them all. */
export function curvesPath(curves: readonly Curve[]): string {
  return curves.map(curvePath).join('');
}

/** Steps a curve is cut into when measuring how near a point is to it. */
const STEPS = 24;

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** How far point `p` is from curve `c` (to within a fraction of a pixel at the curves links have). */
export function curveDistance(c: Curve, p: Point): number {
  let best = Infinity;
  let prev = c.p0;
  for (let i = 1; i <= STEPS; i++) {
    const next = curvePoint(c, i / STEPS);
    best = Math.min(best, segmentDistance(p, prev, next));
    prev = next;
  }
  return best;
}

/**
 * The link of `links` nearest to point `p`, if one passes within `radius` of it (all in canvas
 * units). A curve lies inside the box of its four control points, so most are ruled out by that.
 */
export function linkNear(links: Iterable<{ id: string; curve: Curve }>, p: Point, radius: number): string | null {
  let best: string | null = null;
  let bestD = radius;
  for (const { id, curve: c } of links) {
    const xs = [c.p0.x, c.p1.x, c.p2.x, c.p3.x];
    const ys = [c.p0.y, c.p1.y, c.p2.y, c.p3.y];
    if (p.x < Math.min(...xs) - radius || p.x > Math.max(...xs) + radius || p.y < Math.min(...ys) - radius || p.y > Math.max(...ys) + radius) continue;
    const d = curveDistance(c, p);
    if (d <= bestD) {
      bestD = d;
      best = id;
    }
  }
  return best;
}
