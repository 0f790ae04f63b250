import type { Intervention } from '../core/faults';
import type { SimSpec } from '../core/simulation';
import type { Ctx, ModelDef } from '../core/types';
import { zkHost } from '../clients/zookeeper/host';
import { zkClientInit, type ZkClientOutput, type ZkClientState } from '../clients/zookeeper/state';
import type { ZkOp } from '../clients/zookeeper/types';
import { zookeeperModel } from '../models/zookeeper/model';
import { zookeeperParams } from '../models/zookeeper/params';
import { run, type Harness } from './harness';

/** A scripted ZooKeeper client's parameters: its session, and the requests it makes in turn. */
export interface ZkPeerParams {
  server: string;
  sessionTimeoutMs: number;
  ops: ZkOp[];
  /** Pause between a reply and the next request (ms). */
  gapMs?: number;
  /** Curator's connection states (SUSPENDED, LOST, RECONNECTED) on top of the client's. */
  curator?: boolean;
}

export interface ZkPeerState {
  p: ZkPeerParams;
  zk: ZkClientState;
  next: number;
  busy: boolean;
  /** Everything the library reported (replies, watch events, state changes), with the local time. */
  log: ({ t: number } & ZkClientOutput)[];
}

const NEXT = { owner: 'zk-peer', timer: 'next' } as const;

/** The library's glue (engine/clients/zookeeper/host), as every program uses it: here it logs each output. */
const host = zkHost<ZkPeerState, 'peer'>((s, o, ctx) => ({ ...s, busy: o.kind === 'reply' && o.tag === 'peer' ? false : s.busy, log: [...s.log, { t: ctx.now, ...o }] }));

function maybeSend(s: ZkPeerState, ctx: Ctx): ZkPeerState {
  if (s.busy || s.next >= s.p.ops.length || s.zk.phase !== 'connected') return s;
  return host.submit({ ...s, next: s.next + 1, busy: true }, s.p.ops[s.next], 'peer', ctx);
}

/**
 * The scripted peer for ZooKeeper tests (node type `zk-test-client`): it connects, then sends
 * `ops` one after another, each `gapMs` after the previous reply, and keeps a log of what the
 * client library reported. It embeds the library exactly as programs do, through `zkHost`.
 */
export const zkPeer: ModelDef<ZkPeerParams, ZkPeerState> = {
  type: 'zk-test-client',
  init: (p) => ({ p, zk: zkClientInit({ server: p.server, sessionTimeoutMs: p.sessionTimeoutMs, curator: p.curator }), next: 0, busy: false, log: [] }),
  start: (s, ctx) => host.start({ ...s, next: 0, busy: false }, ctx),
  onMessage(s, msg, from, ctx) {
    const next = host.onMessage(s, msg, from, ctx);
    if (next === s) return s;
    if (s.busy && !next.busy) {
      ctx.setTimer(next.p.gapMs ?? 0, NEXT);
      return next;
    }
    return maybeSend(next, ctx);
  },
  onTimer: (s, payload, ctx) => maybeSend(host.onTimer(s, payload, ctx), ctx),
  onClockChange: (s, ctx) => host.onClockChange(s, ctx),
  describeTimer: (p) => host.describeTimer(p) ?? 'next request',
  narrate: (ev, name) => host.narrate(ev, name),
};

/** The registry ZooKeeper tests run with. */
export const ZK_MODELS = { zookeeper: zookeeperModel, 'zk-test-client': zkPeer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

/** A client of the test world: its id, session timeout (4000 ms unless said) and requests. */
export interface ZkClientSpec {
  id: string;
  timeoutMs?: number;
  ops?: ZkOp[];
  curator?: boolean;
}

/** One ZooKeeper server `zk` and the clients given, each on a fixed 5 ms link `<id>-zk`. */
export function zkWorld(clients: ZkClientSpec[], interventions: Intervention[] = [], zk: Record<string, unknown> = {}, seed = 7): Harness {
  const spec: SimSpec = {
    seed,
    nodes: [
      { id: 'zk', type: 'zookeeper', params: zookeeperParams.parse(zk) },
      ...clients.map((c) => ({
        id: c.id,
        type: 'zk-test-client',
        params: { server: 'zk', sessionTimeoutMs: c.timeoutMs ?? 4000, ops: c.ops ?? [], curator: c.curator } satisfies ZkPeerParams,
      })),
    ],
    links: clients.map((c) => ({ id: `${c.id}-zk`, source: c.id, target: 'zk', params: { latency: { kind: 'fixed' as const, ms: 5 } } })),
    interventions,
  };
  return run(spec, ZK_MODELS, { snapshotEvery: 0 });
}

/** What client `id`'s library reported so far. */
export const zkLog = (h: Harness, id: string) => (h.sim.node(id).state as ZkPeerState).log;

/** Client `id`'s library state. */
export const zkClientOf = (h: Harness, id: string) => (h.sim.node(id).state as ZkPeerState).zk;

/** A client of an ensemble world: like ZkClientSpec, with its connect string (servers in order). */
export interface ZkEnsembleClientSpec extends ZkClientSpec {
  servers: string[];
  gapMs?: number;
}

/**
 * An ensemble of `n` ZooKeeper servers `z1`…`zn` (server ids 1…n), each linked to every other,
 * and the clients given, each linked to the servers of its connect string; every link a fixed
 * 5 ms. `zk` are parameters every server gets, or a function giving each server's.
 */
export function zkEnsembleWorld(n: number, clients: ZkEnsembleClientSpec[], interventions: Intervention[] = [], zk: Record<string, unknown> | ((id: string) => Record<string, unknown>) = {}, seed = 7): Harness {
  const paramsOf = typeof zk === 'function' ? zk : () => zk;
  const servers = Array.from({ length: n }, (_, i) => `z${i + 1}`);
  const link = (a: string, b: string) => ({ id: `${a}-${b}`, source: a, target: b, params: { latency: { kind: 'fixed' as const, ms: 5 } } });
  const spec: SimSpec = {
    seed,
    nodes: [
      ...servers.map((id, i) => ({ id, type: 'zookeeper', params: zookeeperParams.parse({ tickTime: 1000, ...paramsOf(id), serverId: i + 1 }) })),
      ...clients.map((c) => ({
        id: c.id,
        type: 'zk-test-client',
        params: { server: c.servers.join(','), sessionTimeoutMs: c.timeoutMs ?? 4000, ops: c.ops ?? [], curator: c.curator, gapMs: c.gapMs } satisfies ZkPeerParams,
      })),
    ],
    links: [...servers.flatMap((a, i) => servers.slice(i + 1).map((b) => link(a, b))), ...clients.flatMap((c) => c.servers.map((z) => link(c.id, z)))],
    interventions,
  };
  return run(spec, ZK_MODELS, { snapshotEvery: 0 });
}
