import type { Ctx } from '../../core/types';
import { formatOp, formatResult } from '../../models/zookeeper/messages';
import { zkClientClose, zkClientOnClockChange, zkClientOnMessage, zkClientOnTimer, zkClientStart, zkSubmit } from '../../models/zookeeper/client/client';
import { describeZkClientTimer, narrateZkClient } from '../../models/zookeeper/client/narration';
import { zkClientInit, type ZkClientState, type ZkStep } from '../../models/zookeeper/client/state';
import type { ZkOp, ZkResult } from '../../models/zookeeper/zk/types';
import type { ProgramDef } from '../program';
import { parseZkLine } from '../zk-ops';
import type { ZkScriptParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'zk.script.reply': { op: ZkOp; result: ZkResult; latencyMs: number };
  }
}

export interface ZkScriptState {
  p: ZkScriptParams;
  zk: ZkClientState;
  next: number;
  /** The request awaiting its reply. */
  waiting: number | null;
  started: boolean;
  lastResult: string | null;
  /** Watch events received, newest last (at most 5 kept). */
  events: string[];
  done: boolean;
}

const NEXT = 'zk-script.next';

/** Runs a list of ZooKeeper commands over one session, the way a person at zkCli would. */
export const zkScript: ProgramDef<ZkScriptParams, ZkScriptState> = {
  kind: 'zk-script',
  init: (p) => ({ p, zk: zkClientInit({ server: p.target, sessionTimeoutMs: p.sessionTimeoutMs }), next: 0, waiting: null, started: false, lastResult: null, events: [], done: false }),
  start(s, ctx) {
    return absorb({ ...s, next: 0, waiting: null, started: false, done: false, events: [] }, zkClientStart(s.zk, ctx), ctx);
  },
  onMessage(s, msg, from, ctx) {
    const step = zkClientOnMessage(s.zk, msg, from, ctx);
    return step ? absorb(s, step, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    if (payload === NEXT) return runNext(s, ctx);
    const step = zkClientOnTimer(s.zk, payload, ctx);
    return step ? absorb(s, step, ctx) : s;
  },
  view(s) {
    const session = s.zk.sessionId ? `session ${s.zk.sessionId} ${s.zk.keeper}` : s.zk.keeper;
    if (s.done) return { status: 'done', detail: session };
    if (s.waiting !== null) return { status: 'waiting', detail: `${s.p.ops[s.next - 1]} · ${session}` };
    if (s.zk.phase !== 'connected') return { status: 'waiting', detail: session };
    return { status: 'idle', detail: `${s.lastResult ?? ''} · ${session}` };
  },
  onClockChange: (s, ctx) => absorb(s, zkClientOnClockChange(s.zk, ctx), ctx),
  describeTimer: (payload) => (payload === NEXT ? 'next command' : (describeZkClientTimer(payload) ?? 'timer fires')),
  narrate(ev, name) {
    if (ev.type === 'zk.script.reply') return `${name(ev.node)} gets ${formatResult(ev.result)} for ${formatOp(ev.op)} after ${Math.round(ev.latencyMs)} ms`;
    return narrateZkClient(ev, name);
  },
};

/** Takes a library step's state and acts on its outputs. */
function absorb(s0: ZkScriptState, step: ZkStep, ctx: Ctx): ZkScriptState {
  let s: ZkScriptState = { ...s0, zk: step.state };
  for (const o of step.out) {
    if (o.kind === 'state' && o.keeper === 'SyncConnected' && !s.started) {
      s = { ...s, started: true };
      ctx.setTimer(0, NEXT);
    } else if (o.kind === 'reply' && o.xid === s.waiting) {
      const pending = s0.zk.pending.find((p) => p.xid === o.xid);
      ctx.trace('zk.script.reply', { op: o.op, result: o.result, latencyMs: pending ? ctx.now - pending.sentAt : 0 });
      s = { ...s, waiting: null, lastResult: formatResult(o.result) };
      ctx.setTimer(s.p.intervalMs, NEXT);
    } else if (o.kind === 'event') {
      s = { ...s, events: [...s.events, `${o.event.type} ${o.event.path}`].slice(-5) };
    }
  }
  return s;
}

function runNext(s: ZkScriptState, ctx: Ctx): ZkScriptState {
  if (s.next >= s.p.ops.length) return { ...s, done: true };
  const line = parseZkLine(s.p.ops[s.next]);
  const here = { ...s, next: s.next + 1 };
  if (typeof line === 'string') return here; // params were validated; unreachable in practice
  if (line.do === 'sleep') {
    ctx.setTimer(line.ms, NEXT);
    return here;
  }
  if (line.do === 'close') return { ...absorb(here, zkClientClose(s.zk, ctx), ctx), done: true };
  const step = zkSubmit(s.zk, line.op, null, ctx);
  return absorb({ ...here, waiting: step.xid }, step, ctx);
}
