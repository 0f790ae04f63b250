import { newClock } from '../clock';
import type { MonitorDef } from '../monitor';
import { DEFAULT_LINK, freshLinkState, type LinkState } from '../network';
import { seedRng } from '../rng';
import type { ModelDef } from '../types';
import type { LiveWorld, Registry, SimSpec } from './types';

/** A spec checked and turned into the world at t = 0, with the lookups every part shares. */
export interface Built {
  readonly nodeIds: readonly string[];
  /** Node id -> its label, for the nodes whose label is not their id. */
  readonly labels: ReadonlyMap<string, string>;
  readonly linkIds: readonly string[];
  /** Node id -> index into every per-node array. */
  readonly idIndex: ReadonlyMap<string, number>;
  /** Each node's model, by node index. */
  readonly models: readonly ModelDef<unknown, unknown>[];
  readonly world: LiveWorld;
}

/**
 * Checks a spec (known node types, unique node ids, links between known nodes) and builds the
 * world at t = 0: every node up with its model's initial state, every link with the default
 * parameters under its own, every monitor's initial state. Throws naming the first problem.
 */
export function buildWorld(spec: SimSpec, registry: Registry, monitors: readonly MonitorDef[]): Built {
  if (spec.nodes.length > 32767) throw new RangeError('at most 32767 nodes');
  const models = spec.nodes.map((n) => {
    const m = registry[n.type];
    if (!m) throw new Error(`unknown node type "${n.type}" for node "${n.id}"`);
    return m as ModelDef<unknown, unknown>;
  });
  const idIndex = new Map<string, number>();
  spec.nodes.forEach((n, i) => {
    if (idIndex.has(n.id)) throw new Error(`duplicate node id "${n.id}"`);
    idIndex.set(n.id, i);
  });
  const links: LinkState[] = spec.links.map((l) => {
    const a = idIndex.get(l.source);
    const b = idIndex.get(l.target);
    if (a === undefined || b === undefined) throw new Error(`link "${l.id}" joins an unknown node`);
    const params = { ...DEFAULT_LINK, ...l.params };
    return freshLinkState(l.id, a, b, params);
  });
  const world: LiveWorld = {
    t: 0,
    seq: 0,
    step: 0,
    rng: seedRng(spec.seed),
    nextTimerId: 1,
    nodes: spec.nodes.map((n, i) => ({
      id: n.id,
      type: n.type,
      params: n.params,
      status: 'up',
      incarnation: 0,
      pauseId: 0,
      pausedUntil: 0,
      clock: newClock(n.skewMs ?? 0, n.drift ?? 0),
      state: models[i].init(n.params),
      deferred: [],
    })),
    links,
    metrics: {},
    monitors: monitors.map((m) => m.init()),
  };
  const labels = new Map(spec.nodes.flatMap((n) => (n.label !== undefined && n.label !== n.id ? [[n.id, n.label] as const] : [])));
  return { nodeIds: spec.nodes.map((n) => n.id), labels, linkIds: spec.links.map((l) => l.id), idIndex, models, world };
}
