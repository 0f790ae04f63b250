import type { ScenarioInput } from '@/engine/scenario/schema';

/** Redis primaries; each has `REPLICAS` replicas and `CLIENTS` writing clients. */
const PRIMARIES = 5;
const REPLICAS = 12;
const CLIENTS = 7;

/**
 * The browser bench's load: 100 nodes (5 Redis primaries, 60 replicas, 35 clients). Each client
 * writes to its primary in a loop, and every write fans out to the primary's 12 replicas over
 * slow (WAN-like, 0.5-0.7 s) links, so the wire holds about 700 messages at any moment while
 * some 1,400 events happen per virtual second. Positions are left out on purpose: the scenario
 * is opened as an import, which lays it out.
 */
export function bigScenario(untilMs: number): ScenarioInput {
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
  return { version: 1, title: 'Bench: 100 nodes', seed: 1, nodes, edges, playback: { startMs: 0, speed: 1, untilMs } };
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
