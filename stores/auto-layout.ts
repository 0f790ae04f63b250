import type { Scenario } from '@/engine/scenario/schema';
import { layerOrder } from './layer-order';
import { layoutEngine } from './layout-engine';
import type { Position } from './scenario-edits';

// Scenario coordinates are laid out for a wide screen and transposed on a phone (to-flow.ts:
// x' = y, y' = 0.8 x), so the room a card gets must clear it both ways round: a card is 240
// px wide, and as tall as its live state (a Redis card listing its 8 keys is about 340 px).

/** A card's width on the canvas. */
const CARD_WIDTH = 240;
/** Horizontal distance between columns: a card's width plus room for the links, and (x 0.8) the tallest card on a phone. */
export const COLUMN_PITCH = 460;
/**
 * The least vertical room a card gets in a column: a client's card and a gap, so six clients
 * still fit a laptop's canvas at a zoom where cards show their details. On a phone (transposed)
 * this is less than a card's width: the canvas moves such cards apart once measured
 * (components/canvas/separate.ts).
 */
export const ROW_PITCH = 190;
/** Vertical room for kinds whose cards list state that grows (keys, znodes, sessions). */
const TALL: Readonly<Record<string, number>> = { redis: 360, zookeeper: 360 };

/** The vertical room a node of `type` gets in its column. */
export function rowPitch(type: string): number {
  return TALL[type] ?? ROW_PITCH;
}
/**
 * Above this many nodes, layers and orders always come from layer-order.ts instead of dagre,
 * whose ranking took about 100 ms of opening a 300-node scenario.
 */
const DAGRE_MAX_NODES = 100;
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

/** Whether laying `s` out as it opens needs the layout engine loaded (see ranked: dagre lays out small scenarios whose layers fit a column). */
export function needsLayoutEngine(s: Pick<Scenario, 'nodes' | 'edges'>): boolean {
  return needsLayout(s) && fastRanks(s.nodes, s.edges) === null;
}

/** How many cards a column of `n` nodes holds before a layer wraps into another column. */
const rowsFor = (n: number) => Math.max(6, Math.ceil(Math.sqrt(n)));

/**
 * Which column a kind belongs in: clients start links, coordinators (Redis, ZooKeeper, a load
 * balancer, a service) take them, resources (the storage a lock protects) are written last.
 * A link from a client straight to a resource spans two columns, so the resource sits right of
 * the coordinator instead of under it, where a growing coordinator card would cover it.
 */
function role(type: string): number {
  if (type === 'client' || type === 'attacker') return 0;
  return type === 'storage' ? 2 : 1;
}

// Opening a scenario asks fastRanks three times over the same nodes and links (does it need the
// layout engine, its layout, is it still stacked): a 300-node one ranked them each time.
let lastRanks: { nodes: readonly unknown[]; edges: readonly unknown[]; ranks: ReturnType<typeof rankFast> } | null = null;

/**
 * Layer and order of each node by layer-order.ts, when they will do: for a big scenario, or one
 * with a layer too long for a column, whose layers wrap into columns stacked card by card, so
 * dagre's coordinates would not be used (its ranking and ordering alone cost tens of ms, and
 * fetching it more). Null when dagre should lay `nodes` out.
 */
function fastRanks(nodes: readonly { id: string; type: string }[], edges: readonly { source: string; target: string }[]): { layer: number[]; order: number[] } | null {
  if (lastRanks?.nodes === nodes && lastRanks.edges === edges) return lastRanks.ranks;
  const ranks = rankFast(nodes, edges);
  lastRanks = { nodes, edges, ranks };
  return ranks;
}

/** What fastRanks returns, computed anew. */
function rankFast(nodes: readonly { id: string; type: string }[], edges: readonly { source: string; target: string }[]): { layer: number[]; order: number[] } | null {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = edges.flatMap((e) => {
    const a = index.get(e.source);
    const b = index.get(e.target);
    return a === undefined || b === undefined ? [] : [{ source: a, target: b, minlen: Math.max(1, role(nodes[b].type) - role(nodes[a].type)) }];
  });
  const r = layerOrder(nodes.length, links);
  if (nodes.length > DAGRE_MAX_NODES) return r;
  const perLayer = new Map<number, number>();
  for (const l of r.layer) perLayer.set(l, (perLayer.get(l) ?? 0) + 1);
  return Math.max(...perLayer.values()) > rowsFor(nodes.length) ? r : null;
}

/**
 * Layer and order of each node (index into `ids`), by dagre unless fastRanks will do: links run from a layer to a later
 * one (network simplex ranking, which breaks cycles deterministically), and nodes within a
 * layer are ordered to cross as few links as dagre's sweeps find. Only the ranks and orders
 * are used; the coordinates are ours (see layoutPositions), since dagre cannot wrap a long layer.
 */
function ranked(nodes: readonly { id: string; type: string }[], edges: readonly { source: string; target: string }[]): { layer: number[]; order: number[]; dagre: boolean } {
  const fast = fastRanks(nodes, edges);
  if (fast) return { ...fast, dagre: false };
  const dagre = layoutEngine();
  if (!dagre) throw new Error('auto-layout needs its engine: await loadLayoutEngine() first');
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // Long links pass through dummy nodes dagre keeps `edgesep` clear of the cards in the layers they cross.
  g.setGraph({ rankdir: 'LR', ranker: 'network-simplex', nodesep: 0, edgesep: 30 });
  g.setDefaultEdgeLabel(() => ({}));
  const types = new Map(nodes.map((n) => [n.id, n.type]));
  for (const n of nodes) g.setNode(n.id, { width: CARD_WIDTH, height: rowPitch(n.type) });
  edges.forEach((e, i) => {
    const a = types.get(e.source);
    const b = types.get(e.target);
    if (a === undefined || b === undefined || e.source === e.target) return;
    g.setEdge(e.source, e.target, { minlen: Math.max(1, role(b) - role(a)) }, `e${i}`);
  });
  dagre.layout(g);
  const layer = nodes.map((n) => g.node(n.id).rank ?? 0);
  const low = Math.min(0, ...layer);
  // dagre's order is per rank; its y coordinate (the card's centre) follows it, and leaves room
  // beside a card for the long links that pass it.
  const order = nodes.map((n) => g.node(n.id).y ?? 0);
  return { layer: layer.map((l) => l - low), order, dagre: true };
}

/**
 * Positions for every node of `s`, laid out in columns from left to right: clients, then the
 * coordinators they call, then the resources (see `role`), by link direction. Within a layer,
 * nodes follow dagre's or layer-order.ts's order (fewer crossing links), and a layer with many nodes wraps into
 * several columns so a big scenario stays roughly as wide as it is tall. Deterministic: the
 * same scenario always gets the same layout.
 */
export function layoutPositions(s: Pick<Scenario, 'nodes' | 'edges'>): Record<string, Position> {
  const ids = s.nodes.map((n) => n.id);
  const pitch = s.nodes.map((n) => rowPitch(n.type));
  const { layer: raw, order, dagre } = ranked(s.nodes, s.edges);
  // A layer left empty (a link spanning two columns with nothing between) takes no room.
  const used = [...new Set(raw)].sort((a, b) => a - b);
  const layer = raw.map((l) => used.indexOf(l));

  const rows = rowsFor(ids.length);
  // Where no layer wraps, every column takes dagre's heights, which keep the cards clear of links passing by.
  const dagreHeights = dagre && used.every((_, l) => layer.filter((x) => x === l).length <= rows);
  const out: Record<string, Position> = {};
  let column = 0;
  for (let l = 0; l < used.length; l++) {
    const members = ids.map((_, i) => i).filter((i) => layer[i] === l);
    // Ties keep scenario order.
    members.sort((a, b) => order[a] - order[b] || a - b);
    const columns = Math.ceil(members.length / rows);
    const perColumn = Math.ceil(members.length / columns);
    if (dagreHeights) {
      for (const i of members) out[ids[i]] = { x: column * COLUMN_PITCH, y: Math.round(order[i] - pitch[i] / 2) };
      column++;
      continue;
    }
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

/** `s` with every node moved to its auto-layout position (an edit: the store keeps it undoable); the layout engine must be loaded (see needsLayoutEngine). */
export function withAutoLayout(s: Scenario): Scenario {
  const pos = layoutPositions(s);
  return { ...s, nodes: s.nodes.map((n) => ({ ...n, position: pos[n.id] })) };
}

/**
 * `s` laid out when its nodes sit on top of each other (an import without positions); else `s`
 * itself. Opening such a scenario loads the layout engine first (kind-loading.ts); were it
 * missing, the scenario opens as it is and the canvas still moves its cards apart.
 */
export function laidOutIfStacked(s: Scenario): Scenario {
  return needsLayout(s) && (!needsLayoutEngine(s) || layoutEngine()) ? withAutoLayout(s) : s;
}
