import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { edgeCurve, facingSides, type Curve } from '../geometry';

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

  /** The curve of link `id` as React Flow's state `rf` has it now; null until both cards are measured. */
  get(rf: ReactFlowState, id: string): LinkCurve | null {
    const e = rf.edgeLookup.get(id);
    const s = this.scratch;
    if (!e || !readBox(rf.nodeLookup.get(e.source), s, 0) || !readBox(rf.nodeLookup.get(e.target), s, 4)) {
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

  /** Forgets links React Flow no longer has (removed from the scenario, another scenario opened). */
  prune(rf: ReactFlowState): void {
    if (this.cache.size <= rf.edgeLookup.size) return;
    for (const id of this.cache.keys()) if (!rf.edgeLookup.has(id)) this.cache.delete(id);
  }
}

function sameBoxes(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return false;
  return true;
}
