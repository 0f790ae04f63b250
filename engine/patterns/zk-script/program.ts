import { zkSubmit } from '../../clients/zookeeper/client';
import { zkHost } from '../../clients/zookeeper/host';
import { formatResult, opSay, resultSay } from '../../clients/zookeeper/messages';
import { zkClientInit, type ZkClientOutput, type ZkClientState } from '../../clients/zookeeper/state';
import type { ZkOp, ZkResult } from '../../clients/zookeeper/types';
import { parseZkLine } from '../../clients/zookeeper/zkcli';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
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

/** The next command of the script. */
const TIMERS = timerOwner<{ next: NoFields }>('zk-script');
const isNext = (p: unknown) => TIMERS.match(p) !== null;

/** Acts on one output of the client library: starts on the first connection, logs replies and events. */
function onOutput(s: ZkScriptState, o: ZkClientOutput<null>, ctx: Ctx, before: ZkClientState): ZkScriptState {
  if (o.kind === 'state' && o.keeper === 'SyncConnected' && !s.started) {
    ctx.setTimer(0, TIMERS.make('next'));
    return { ...s, started: true };
  }
  if (o.kind === 'reply' && o.xid === s.waiting) {
    // Measured from when it went out, if it had before this step; 0 for one answered at once or never sent.
    const pending = before.pending.find((p) => p.xid === o.xid);
    ctx.trace('zk.script.reply', { op: o.op, result: o.result, latencyMs: pending ? ctx.now - pending.sentAt : 0 });
    const n = { ...s, waiting: null, lastResult: formatResult(o.result) };
    ctx.setTimer(n.p.intervalMs, TIMERS.make('next'));
    return n;
  }
  if (o.kind === 'event') return { ...s, events: [...s.events, `${o.event.type} ${o.event.path}`].slice(-5) };
  return s;
}

/** The ZooKeeper client's glue: outputs go to onOutput. */
const zk = zkHost(onOutput);

/** Runs a list of ZooKeeper commands over one session, the way a person at zkCli would. */
export const zkScript: ProgramDef<ZkScriptParams, ZkScriptState> = {
  kind: 'zk-script',
  init: (p) => ({ p, zk: zkClientInit({ server: p.target, sessionTimeoutMs: p.sessionTimeoutMs }), next: 0, waiting: null, started: false, lastResult: null, events: [], done: false }),
  start(s, ctx) {
    return zk.start({ ...s, next: 0, waiting: null, started: false, done: false, events: [] }, ctx);
  },
  onMessage: zk.onMessage,
  onTimer: (s, payload, ctx) => (isNext(payload) ? runNext(s, ctx) : zk.onTimer(s, payload, ctx)),
  view(s) {
    const session = s.zk.sessionId ? p('pattern.zk-script.session', { id: s.zk.sessionId, state: s.zk.keeper }) : s.zk.keeper;
    if (s.done) return { status: 'done', detail: session };
    if (s.waiting !== null) return { status: 'waiting', detail: p('pattern.zk-script.opSession', { op: String(s.p.ops[s.next - 1]), session }) };
    if (s.zk.phase !== 'connected') return { status: 'waiting', detail: session };
    return { status: 'idle', detail: p('pattern.zk-script.opSession', { op: s.lastResult ?? '', session }) };
  },
  onClockChange: zk.onClockChange,
  describeTimer: (payload) => (isNext(payload) ? p('pattern.zk-script.timerNext') : (zk.describeTimer(payload) ?? p('core.timerFires'))),
  narrate(ev, name) {
    if (ev.type === 'zk.script.reply') return p('pattern.zk-script.gets', { node: name(ev.node), reply: resultSay(ev.result), command: opSay(ev.op), ms: Math.round(ev.latencyMs) });
    return zk.narrate(ev, name);
  },
};

function runNext(s: ZkScriptState, ctx: Ctx): ZkScriptState {
  if (s.next >= s.p.ops.length) return { ...s, done: true };
  const line = parseZkLine(s.p.ops[s.next]);
  const here = { ...s, next: s.next + 1 };
  if (typeof line === 'string') return here; // params were validated; unreachable in practice
  if (line.do === 'sleep') {
    ctx.setTimer(line.ms, TIMERS.make('next'));
    return here;
  }
  if (line.do === 'close') return { ...zk.close(here, ctx), done: true };
  // The xid is known only once submitted, and replies are matched against `waiting`.
  const step = zkSubmit(s.zk, line.op, null, ctx);
  return zk.absorb({ ...here, waiting: step.xid }, step, ctx);
}
