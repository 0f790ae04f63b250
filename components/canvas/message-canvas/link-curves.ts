import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { PlaybackState } from '@/stores/playback-store';
import { edgeCurve, facingSides, type Curve } from '../geometry';

/** A link and the nodes at its ends. */
export interface LinkEnds {
  id: string;
  source: string;
  target: string;
}

const endsByScenario = new WeakMap<PlaybackState['scenario']['edges'], ReadonlyMap<string, LinkEnds>>();

/** The scenario's links by id (one map per edge list). */
export function linksOf(pb: PlaybackState): ReadonlyMap<string, LinkEnds> {
  const edges = pb.scenario.edges;
  let ends = endsByScenario.get(edges);
  if (!ends) endsByScenario.set(edges, (ends = new Map(edges.map((e) => [e.id, e]))));
  return ends;
}

/** A link's curve as its edge draws it, and the node it starts from. */
export interface LinkCurve {
  curve: Curve;
  source: string;
}

/** What a cached curve was computed from: the link's ends and both cards' boxes. */
interface Entry {
  source: string;
  target: string;
  /** Source box then target box: x, y, width, height each. */
  boxes: Float64Array;
  value: LinkCurve;
}

/** Writes node `n`'s box into `into` at `at`; false until the card is measured. */
function readBox(n: InternalNode | undefined, into: Float64Array, at: number): boolean {
  const w = n?.measured.width;
  const h = n?.measured.height;
  if (!n || !w || !h) return false;
  into[at] = n.internals.positionAbsolute.x;
  into[at + 1] = n.internals.positionAbsolute.y;
  into[at + 2] = w;
  into[at + 3] = h;
  return true;
}

const box = (b: Float64Array, at: number) => ({ x: b[at], y: b[at + 1], width: b[at + 2], height: b[at + 3] });

/**
 * Every link's curve, kept from frame to frame: a curve samples its arc length 48 times, and a
 * crowded wire asked for every link's on every frame although cards rarely move while playing.
 * A curve is recomputed only when its link's ends or either card's position or size changed,
 * so it is always the one `edgeCurve` would give now.
 */
export class LinkCurves {
  private readonly cache = new Map<string, Entry>();
  private readonly scratch = new Float64Array(8);

  /**
   * The curve of link `e` between its cards as React Flow's state `rf` has them now; null until
   * both cards are measured. The link's ends are given, not read from React Flow's edges: a big
   * document's plain links seen from afar are not among them (see far-links.ts).
   */
  get(rf: ReactFlowState, e: LinkEnds): LinkCurve | null {
    const s = this.scratch;
    const id = e.id;
    if (!readBox(rf.nodeLookup.get(e.source), s, 0) || !readBox(rf.nodeLookup.get(e.target), s, 4)) {
      this.cache.delete(id);
      return null;
    }
    const hit = this.cache.get(id);
    if (hit && hit.source === e.source && hit.target === e.target && sameBoxes(hit.boxes, s)) return hit.value;
    const f = facingSides(box(s, 0), box(s, 4));
    const value = { curve: edgeCurve(f.sx, f.sy, f.sp, f.tx, f.ty, f.tp), source: e.source };
    if (hit) {
      hit.source = e.source;
      hit.target = e.target;
      hit.boxes.set(s);
      hit.value = value;
    } else this.cache.set(id, { source: e.source, target: e.target, boxes: Float64Array.from(s), value });
    return value;
  }

  /** Forgets links no longer in `links` (removed from the scenario, another scenario opened). */
  prune(links: ReadonlyMap<string, unknown>): void {
    if (this.cache.size <= links.size) return;
    for (const id of this.cache.keys()) if (!links.has(id)) this.cache.delete(id);
  }
}

function sameBoxes(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return false;
  return true;
}
