import type { Scenario } from '@/engine/scenario/schema';
import type { Position } from './scenario-edits';

// Scenario coordinates are laid out for a wide screen and transposed on a phone (to-flow.ts:
// x' = y, y' = 0.8 x), so the room a card gets must clear it both ways round: a card is 240
// px wide, and as tall as its live state (a Redis card listing its 8 keys is about 340 px).

/** Horizontal distance between columns: a card's width plus room for the links, and (x 0.8) the tallest card on a phone. */
export const COLUMN_PITCH = 460;
/** The least vertical room a card gets in a column: on a phone this is the horizontal one, so it clears a card's width. */
export const ROW_PITCH = 260;
/** Vertical room for kinds whose cards list state that grows (keys, znodes, sessions). */
const TALL: Readonly<Record<string, number>> = { redis: 360, zookeeper: 360 };

/** The vertical room a node of `type` gets in its column. */
export function rowPitch(type: string): number {
  return TALL[type] ?? ROW_PITCH;
}
/** Two nodes closer than this on both axes sit on top of each other (half a card's width and height). */
const STACKED = { x: 120, y: 40 };

/** Whether some nodes sit on top of each other: a scenario written without positions (all default to 0,0). */
export function needsLayout(s: Pick<Scenario, 'nodes'>): boolean {
  const ps = s.nodes.map((n) => n.position);
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      if (Math.abs(ps[i].x - ps[j].x) < STACKED.x && Math.abs(ps[i].y - ps[j].y) < STACKED.y) return true;
    }
  }
  return false;
}

/**
 * Layer of each node (index into `ids`): links run from a layer to a later one, so clients
 * (which start links) sit left of the servers they talk to, and a replica right of its
 * primary. A cycle is broken by taking the waiting node with the fewest unplaced
 * predecessors (first in scenario order on a tie), which keeps the result deterministic.
 */
function layers(ids: readonly string[], edges: readonly { source: string; target: string }[]): number[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const preds: number[][] = ids.map(() => []);
  const succs: number[][] = ids.map(() => []);
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    succs[a].push(b);
    preds[b].push(a);
  }
  const waiting = preds.map((p) => p.length);
  const placed = ids.map(() => false);
  const layer = ids.map(() => 0);
  for (let done = 0; done < ids.length; done++) {
    let pick = -1;
    for (let i = 0; i < ids.length; i++) if (!placed[i] && (pick < 0 || waiting[i] < waiting[pick])) pick = i;
    placed[pick] = true;
    // Only links from placed nodes count: a link closing a cycle points backwards and is ignored.
    for (const p of preds[pick]) if (placed[p] && p !== pick) layer[pick] = Math.max(layer[pick], layer[p] + 1);
    for (const s of succs[pick]) waiting[s]--;
  }
  return layer;
}

/**
 * Positions for every node of `s`, laid out in layers from left to right by link direction.
 * Within a layer, nodes are ordered by where their neighbours in the previous layer are
 * (fewer crossing links), and a layer with many nodes wraps into several columns so a big
 * scenario stays roughly as wide as it is tall. Deterministic: the same scenario always gets
 * the same layout.
 */
export function layoutPositions(s: Pick<Scenario, 'nodes' | 'edges'>): Record<string, Position> {
  const ids = s.nodes.map((n) => n.id);
  const pitch = s.nodes.map((n) => rowPitch(n.type));
  const layer = layers(ids, s.edges);
  const index = new Map(ids.map((id, i) => [id, i]));
  const neighbours: number[][] = ids.map(() => []);
  for (const e of s.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a].push(b);
    neighbours[b].push(a);
  }

  const depth = Math.max(0, ...layer) + 1;
  const rows = Math.max(6, Math.ceil(Math.sqrt(ids.length)));
  // Rank of each node within its layer, as a fraction 0..1, for the next layer's ordering.
  const rank = ids.map(() => 0.5);
  const out: Record<string, Position> = {};
  let column = 0;
  for (let l = 0; l < depth; l++) {
    const members = ids.map((_, i) => i).filter((i) => layer[i] === l);
    const key = (i: number) => {
      const prev = neighbours[i].filter((j) => layer[j] < l);
      return prev.length === 0 ? Number.POSITIVE_INFINITY : prev.reduce((sum, j) => sum + rank[j], 0) / prev.length;
    };
    const keys = new Map(members.map((i) => [i, key(i)]));
    // Unlinked nodes keep scenario order after the linked ones; ties also keep scenario order.
    members.sort((a, b) => keys.get(a)! - keys.get(b)! || a - b);
    const columns = Math.ceil(members.length / rows);
    const perColumn = Math.ceil(members.length / columns);
    members.forEach((i, k) => (rank[i] = members.length === 1 ? 0.5 : k / (members.length - 1)));
    for (let c = 0; c < columns; c++) {
      const stack = members.slice(c * perColumn, (c + 1) * perColumn);
      const height = stack.reduce((sum, i) => sum + pitch[i], 0);
      // Columns are centred on the same line so a short one sits across from the middle of a
      // tall one; every other column of a wrapped layer drops half a row, so the links from
      // the column before pass between its cards rather than behind them.
      let y = -height / 2 + (c % 2 === 1 ? ROW_PITCH / 2 : 0);
      for (const i of stack) {
        out[ids[i]] = { x: (column + c) * COLUMN_PITCH, y: Math.round(y) };
        y += pitch[i];
      }
    }
    column += Math.max(1, columns);
  }
  return out;
}

/** `s` with every node moved to its auto-layout position (an edit: the store keeps it undoable). */
export function withAutoLayout(s: Scenario): Scenario {
  const pos = layoutPositions(s);
  return { ...s, nodes: s.nodes.map((n) => ({ ...n, position: pos[n.id] })) };
}

/** `s` laid out when its nodes sit on top of each other (an import without positions); else `s` itself. */
export function laidOutIfStacked(s: Scenario): Scenario {
  return needsLayout(s) ? withAutoLayout(s) : s;
}
