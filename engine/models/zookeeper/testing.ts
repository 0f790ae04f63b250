import type { ModelDef } from '../../core/types';
import { zkClientOnClockChange, zkClientOnMessage, zkClientOnTimer, zkClientStart, zkSubmit } from '../../clients/zookeeper/client';
import { describeZkClientTimer, narrateZkClient } from '../../clients/zookeeper/narration';
import { zkClientInit, type ZkClientOutput, type ZkClientState, type ZkStep } from '../../clients/zookeeper/state';
import type { ZkOp } from '../../clients/zookeeper/types';

/**
 * A minimal host for the client library, for tests and as an example of embedding it: it
 * connects, then sends `ops` one after another (each after the previous reply, `gapMs` apart),
 * and keeps a log of everything the library reported, with the local time.
 */
export interface ZkTestClientParams {
  server: string;
  sessionTimeoutMs: number;
  ops: ZkOp[];
  gapMs?: number;
  curator?: boolean;
}

export interface ZkTestClientState {
  p: ZkTestClientParams;
  zk: ZkClientState;
  next: number;
  busy: boolean;
  log: ({ t: number } & ZkClientOutput)[];
}

const NEXT = { host: 'next' } as const;

function absorb(s: ZkTestClientState, step: ZkStep, now: number): ZkTestClientState {
  let busy = s.busy;
  for (const o of step.out) if (o.kind === 'reply' && o.tag === 'host') busy = false;
  return { ...s, zk: step.state, busy, log: [...s.log, ...step.out.map((o) => ({ t: now, ...o }))] };
}

function maybeSend(s: ZkTestClientState, ctx: Parameters<NonNullable<ModelDef['start']>>[1]): ZkTestClientState {
  if (s.busy || s.next >= s.p.ops.length || s.zk.phase !== 'connected') return s;
  const r = zkSubmit(s.zk, s.p.ops[s.next], 'host', ctx);
  return absorb({ ...s, next: s.next + 1, busy: true }, r, ctx.now);
}

export const zkTestClientModel: ModelDef<ZkTestClientParams, ZkTestClientState> = {
  type: 'zk-test-client',
  init: (p) => ({ p, zk: zkClientInit({ server: p.server, sessionTimeoutMs: p.sessionTimeoutMs, curator: p.curator }), next: 0, busy: false, log: [] }),
  start: (s, ctx) => absorb({ ...s, next: 0, busy: false }, zkClientStart(s.zk, ctx), ctx.now),
  onMessage(s, msg, from, ctx) {
    const r = zkClientOnMessage(s.zk, msg, from, ctx);
    if (!r) return s;
    const next = absorb(s, r, ctx.now);
    if (s.busy && !next.busy) {
      ctx.setTimer(next.p.gapMs ?? 0, NEXT);
      return next;
    }
    return maybeSend(next, ctx);
  },
  onTimer(s, payload, ctx) {
    const r = zkClientOnTimer(s.zk, payload, ctx);
    if (r) return maybeSend(absorb(s, r, ctx.now), ctx);
    return maybeSend(s, ctx);
  },
  onClockChange: (s, ctx) => absorb(s, zkClientOnClockChange(s.zk, ctx), ctx.now),
  describeTimer: (p) => describeZkClientTimer(p) ?? 'next request',
  narrate: (ev, name) => narrateZkClient(ev, name),
};
