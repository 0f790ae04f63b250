import type { ModelDef, Msg } from '@/engine/core/types';
import type { SimSpec } from '@/engine/core/simulation';

const PING: Msg = Object.freeze({ type: 'ping' });
const PONG: Msg = Object.freeze({ type: 'pong' });

/** Sends a ping to its server at start and again each time a pong comes back. State: the server id. */
const pinger: ModelDef<{ server: string }, string> = {
  type: 'pinger',
  init: (p) => p.server,
  start(server, ctx) {
    ctx.send(server, PING);
    return server;
  },
  onMessage(server, _msg, _from, ctx) {
    ctx.send(server, PING);
    return server;
  },
};

/** Answers every ping with a pong. Stateless. */
const ponger: ModelDef<Record<string, never>, null> = {
  type: 'ponger',
  init: () => null,
  onMessage(s, _msg, from, ctx) {
    ctx.send(from, PONG);
    return s;
  },
};

export const pingPongModels = { pinger, ponger } as Record<string, ModelDef<never, unknown>>;

/** `clients` clients each ping-ponging with one server over links of uniform 1-10 ms latency. */
export function pingPongSpec(clients: number, seed = 1): SimSpec {
  const nodes: SimSpec['nodes'] = [{ id: 'server', type: 'ponger', params: {} }];
  const links: SimSpec['links'] = [];
  for (let i = 0; i < clients; i++) {
    nodes.push({ id: `c${i}`, type: 'pinger', params: { server: 'server' } });
    links.push({ id: `l${i}`, source: `c${i}`, target: 'server', params: { latency: { kind: 'uniform', minMs: 1, maxMs: 10 } } });
  }
  return { seed, nodes, links };
}
