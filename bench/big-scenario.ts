import type { ScenarioInput } from '@/engine/scenario/schema';

/** Each Redis primary has `REPLICAS` replicas and `CLIENTS` writing clients. */
const REPLICAS = 12;
const CLIENTS = 7;

/**
 * The browser bench's load: `primaries` × 20 nodes (each a Redis primary, 12 replicas and 7
 * clients; 15 primaries make 300 nodes). Each client writes to its primary in a loop, and every
 * write fans out to the primary's 12 replicas over slow (WAN-like, 0.55-0.75 s) links, so the wire
 * holds about 150 messages per primary at any moment while some 280 events per primary happen
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
      edges.push({ id: `${primary}-${id}`, source: primary, target: id, params: { latency: { kind: 'uniform', minMs: 550, maxMs: 750 } } });
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

/**
 * A rate-limiting load with thousands of requests: `users` clients, each a Poisson stream of
 * 50 requests/s, all meshed to four limiters (token bucket, sliding window, leaky bucket as a
 * queue, Sentinel's reject), whose decisions feed the rate chart under the canvas. 20 users for
 * 20 s make about 20,000 requests, each decided by all four limiters.
 */
export function rateLimitScenario(untilMs: number, users = 10): ScenarioInput {
  const algorithms = [
    { kind: 'token-bucket', capacity: 50, ratePerSec: 400 },
    { kind: 'sliding-window', limit: 400, windowMs: 1000 },
    { kind: 'leaky-queue', ratePerSec: 400, maxQueueMs: 500 },
    { kind: 'sentinel-reject', count: 400 },
  ];
  const link = { latency: { kind: 'fixed' as const, ms: 5 } };
  const nodes: ScenarioInput['nodes'] = algorithms.map((algorithm, i) => ({ id: `lim${i}`, type: 'limiter', params: { algorithm, perKey: false } }));
  const edges: NonNullable<ScenarioInput['edges']> = [];
  for (let u = 0; u < users; u++) {
    nodes.push({ id: `u${u}`, type: 'client', params: { program: { kind: 'traffic', shape: { type: 'poisson', ratePerSec: 50 }, seed: u + 1 } } });
    for (let i = 0; i < algorithms.length; i++) edges.push({ id: `u${u}-lim${i}`, source: `u${u}`, target: `lim${i}`, params: link });
  }
  return { version: 1, title: 'Bench: rate limiting', seed: 1, nodes, edges, playback: { startMs: 0, speed: 1, untilMs } };
}

/**
 * A transaction load: `coordinators` order services (TC nodes), each running its 20 global
 * transactions, TCC and Saga by turns, from alice at bank-a to bob at bank-b through two
 * account services, with the money-conserved and all-or-nothing monitors watching.
 */
export function transactionScenario(untilMs: number, coordinators = 10): ScenarioInput {
  const link = { latency: { kind: 'uniform' as const, minMs: 5, maxMs: 15 } };
  const branches = [
    { svc: ['pay'], kind: 'debit' as const, account: 'alice', amount: 1 },
    { svc: ['recv'], kind: 'credit' as const, account: 'bob', amount: 1 },
  ];
  const nodes: ScenarioInput['nodes'] = [
    { id: 'pay', type: 'tcc-svc', params: { db: 'bank-a' } },
    { id: 'recv', type: 'tcc-svc', params: { db: 'bank-b' } },
    { id: 'bank-a', type: 'db', params: { tables: { accounts: [{ id: 'alice', balance: 1_000_000, frozen: 0 }], barrier: [] } } },
    { id: 'bank-b', type: 'db', params: { tables: { accounts: [{ id: 'bob', balance: 0, frozen: 0 }], barrier: [] } } },
  ];
  const edges: NonNullable<ScenarioInput['edges']> = [
    { id: 'pay-bank-a', source: 'pay', target: 'bank-a', params: link },
    { id: 'recv-bank-b', source: 'recv', target: 'bank-b', params: link },
  ];
  for (let c = 0; c < coordinators; c++) {
    const transactions = Array.from({ length: 20 }, (_, i) => ({ gid: `t${c}-${i}`, mode: i % 2 === 0 ? ('tcc' as const) : ('saga' as const), branches }));
    nodes.push({ id: `tc${c}`, type: 'tc', params: { transactions, startMs: c * 17, intervalMs: 100 } });
    edges.push({ id: `tc${c}-pay`, source: `tc${c}`, target: 'pay', params: link }, { id: `tc${c}-recv`, source: `tc${c}`, target: 'recv', params: link });
  }
  return { version: 1, title: 'Bench: transactions', seed: 1, nodes, edges, monitors: ['money-conserved', 'all-or-nothing'], playback: { startMs: 0, speed: 1, untilMs } };
}
