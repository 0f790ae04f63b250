import { isConnectionClosed } from '../core/connection';
import type { Msg } from '../core/msg';
import type { ModelDef } from '../core/types';
import type { SimSpec } from '../core/simulation';

declare module '../core/trace-types' {
  interface TraceEventMap {
    'test.got': { n: number; local: number };
    'test.tick': { local: number; count: number };
  }
}

interface Num extends Msg {
  type: 'num';
  n: number;
}

/**
 * Test models. `echo` answers every message; `counter` sends numbered messages every
 * `everyMs` of its local time and records the replies and its local clock readings;
 * `counter` keeps `durable` across crashes and loses `volatile`.
 */
export const echo: ModelDef<Record<string, never>, { seen: number }> = {
  type: 'echo',
  init: () => ({ seen: 0 }),
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) return s;
    ctx.trace('test.got', { n: (msg as Num).n, local: ctx.now });
    ctx.send(from, msg);
    return { seen: s.seen + 1 };
  },
};

export interface CounterState {
  volatile: number;
  durable: number;
  replies: number[];
}

export const counter: ModelDef<{ peer: string; everyMs: number; jitter?: boolean }, CounterState & { p: { peer: string; everyMs: number; jitter?: boolean } }> = {
  type: 'counter',
  init: (p) => ({ p, volatile: 0, durable: 0, replies: [] }),
  start(s, ctx) {
    ctx.setTimer(s.p.everyMs, 'tick');
    return s;
  },
  onTimer(s, _payload, ctx) {
    const n = s.volatile + 1;
    ctx.trace('test.tick', { local: ctx.now, count: n });
    ctx.send(s.p.peer, { type: 'num', n } as Num);
    ctx.setTimer(s.p.jitter ? s.p.everyMs * (0.5 + ctx.random()) : s.p.everyMs, 'tick');
    return { ...s, volatile: n, durable: s.durable + 1 };
  },
  onMessage(s, msg) {
    if (isConnectionClosed(msg)) return s;
    return { ...s, replies: [...s.replies, (msg as Num).n] };
  },
  crash: (s) => ({ ...s, volatile: 0, replies: [] }),
};

export const testModels = { echo, counter } as unknown as Record<string, ModelDef<never, unknown>>;

/** `n` counters talking to one echo server over links with random latency. */
export function echoSpec(n: number, seed = 7, opts: { everyMs?: number; jitter?: boolean } = {}): SimSpec {
  const nodes: SimSpec['nodes'] = [{ id: 'srv', type: 'echo', params: {} }];
  const links: SimSpec['links'] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `c${i}`, type: 'counter', params: { peer: 'srv', everyMs: opts.everyMs ?? 100, jitter: opts.jitter ?? true } });
    links.push({ id: `l${i}`, source: `c${i}`, target: 'srv', params: { latency: { kind: 'uniform', minMs: 5, maxMs: 30 }, jitterMs: 3 } });
  }
  return { seed, nodes, links };
}
