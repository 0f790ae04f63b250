import type { ScenarioInput } from '@/engine/scenario/schema';

/** Each Redis primary has `REPLICAS` replicas and `CLIENTS` writing clients. */
const REPLICAS = 12;
const CLIENTS = 7;

/**
 * The browser bench's load: `primaries` × 20 nodes (each a Redis primary, 12 replicas and 7
 * clients; 15 primaries make 300 nodes). Each client writes to its primary in a loop, and every
 * write fans out to the primary's 12 replicas over slow (WAN-like, 0.5-0.7 s) links, so the wire
 * holds about 140 messages per primary at any moment while some 280 events per primary happen
 * per virtual second. Positions are left out on purpose: the scenario is opened as an import,
 * which lays it out.
 */
export function bigScenario(untilMs: number, primaries = 15): ScenarioInput {
  const PRIMARIES = primaries;
  const nodes: ScenarioInput['nodes'] = [];
  const edges: NonNullable<ScenarioInput['edges']> = [];
  for (let p = 0; p < PRIMARIES; p++) {
    const primary = `p${p}`;
    nodes.push({ id: primary, type: 'redis', params: {} });
    for (let r = 0; r < REPLICAS; r++) {
      const id = `p${p}r${r}`;
      nodes.push({ id, type: 'redis', params: { replicaOf: primary } });
      edges.push({ id: `${primary}-${id}`, source: primary, target: id, params: { latency: { kind: 'uniform', minMs: 500, maxMs: 700 } } });
    }
    for (let c = 0; c < CLIENTS; c++) {
      const id = `p${p}c${c}`;
      const program = { kind: 'redis-script', target: primary, commands: [['SET', `k${c}`, 'v'], ['INCR', `n${c}`]], intervalMs: 0, loop: true };
      nodes.push({ id, type: 'client', params: { program } });
      edges.push({ id: `${id}-${primary}`, source: id, target: primary, params: { latency: { kind: 'uniform', minMs: 150, maxMs: 250 } } });
    }
  }
  return { version: 1, title: `Bench: ${nodes.length} nodes`, seed: 1, nodes, edges, playback: { startMs: 0, speed: 1, untilMs } };
}

/**
 * The sequence diagram's load: one Redis primary with three replicas and six clients writing
 * in a loop over fast links: ten lifelines, about 10,000 messages by `untilMs` = 20 s.
 */
export function sequenceScenario(untilMs: number): ScenarioInput {
  const nodes: ScenarioInput['nodes'] = [{ id: 'p', type: 'redis', params: {} }];
  const edges: NonNullable<ScenarioInput['edges']> = [];
  for (let r = 0; r < 3; r++) {
    nodes.push({ id: `r${r}`, type: 'redis', params: { replicaOf: 'p' } });
    edges.push({ id: `p-r${r}`, source: 'p', target: `r${r}`, params: { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } });
  }
  for (let c = 0; c < 6; c++) {
    const program = { kind: 'redis-script', target: 'p', commands: [['SET', `k${c}`, 'v'], ['INCR', `n${c}`]], intervalMs: 0, loop: true };
    nodes.push({ id: `c${c}`, type: 'client', params: { program } });
    edges.push({ id: `c${c}-p`, source: `c${c}`, target: 'p', params: { latency: { kind: 'uniform', minMs: 20, maxMs: 40 } } });
  }
  return { version: 1, title: 'Bench: sequence diagram', seed: 1, nodes, edges, playback: { startMs: 0, speed: 1, untilMs } };
}
