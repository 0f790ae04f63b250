import type { Msg } from '@/engine/core/msg';
import type { ModelDef } from '@/engine/core/types';
import type { SimSpec } from '@/engine/core/simulation';

interface Ping extends Msg {
  readonly type: 'ping';
  readonly n: number;
}
interface Pong extends Msg {
  readonly type: 'pong';
  readonly n: number;
}

/** Sends request n+1 to its server each time reply n comes back. State: the next request number. */
const pinger: ModelDef<{ server: string }, { server: string; n: number }> = {
  type: 'pinger',
  init: (p) => ({ server: p.server, n: 0 }),
  start(s, ctx) {
    const ping: Ping = { type: 'ping', n: s.n };
    ctx.send(s.server, ping);
    return s;
  },
  onMessage(s, msg, _from, ctx) {
    const n = (msg as Pong).n + 1;
    const ping: Ping = { type: 'ping', n };
    ctx.send(s.server, ping);
    return { server: s.server, n };
  },
};

/** Answers every request with a reply carrying its number. Stateless. */
const ponger: ModelDef<Record<string, never>, null> = {
  type: 'ponger',
  init: () => null,
  onMessage(s, msg, _from, ctx) {
    const pong: Pong = { type: 'pong', n: (msg as Ping).n };
    ctx.reply(pong);
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
