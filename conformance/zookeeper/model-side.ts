import { zkClientClose, zkClientConnectionLost, zkClientOnMessage, zkClientOnTimer, zkClientStart, zkSubmit } from '../../engine/clients/zookeeper/client';
import { formatZxid } from '../../engine/clients/zookeeper/messages';
import { zkClientInit, type ZkClientOutput, type ZkClientState, type ZkStep as ClientStep } from '../../engine/clients/zookeeper/state';
import type { ZkMultiOp, ZkOp, ZkOpResult, ZkResult, ZkStat } from '../../engine/clients/zookeeper/types';
import type { Msg } from '../../engine/core/msg';
import { Simulation } from '../../engine/core/simulation';
import type { Ctx, ModelDef } from '../../engine/core/types';
import { zookeeperModel } from '../../engine/models/zookeeper/model';
import { zookeeperParams } from '../../engine/models/zookeeper/params';
import type { RawEvent, RawOpResult, RawResult, RawStat } from './normalise';
import { dataArg, parseCreate, type ZkStep } from './script';

/**
 * The model side of a ZooKeeper conformance run: a whole simulation, not just the core, so the
 * client library's pings, timeouts, reconnects and SetWatches are under test too. A conductor
 * node plays the script line by line; each script session is a node running the client library
 * (as the Java driver runs one official client per session), linked to one ZooKeeper node.
 */

const ZK = 'zk';
const CONDUCTOR = 'conductor';
/** One-way latency of a session's link to the server (the real run goes over loopback). */
const LINK_MS = 0.5;

/** Server settings matching the real server's config and JVM flags in server.ts. */
export const MODEL_SERVER_PARAMS = { tickTime: 2000, containerCheckIntervalMs: 1000, extendedTypes: true } as const;

interface Cmd {
  type: 'drv.cmd';
  line: number;
  cmd: string;
  args: string[];
}
interface Res {
  type: 'drv.res';
  line: number;
  res: RawResult;
}

// ---- the conductor ----

interface ConductorParams {
  steps: ZkStep[];
}
interface ConductorState {
  steps: ZkStep[];
  i: number;
  results: Record<number, RawResult>;
  done: boolean;
  /** `server pause` lines reached so far, with their lengths: the run loop freezes the server. */
  pauses: number[];
}

function advance(s: ConductorState, ctx: Ctx): ConductorState {
  if (s.i >= s.steps.length) return { ...s, done: true };
  const step = s.steps[s.i];
  if (step.cmd === 'sleep' || step.cmd === 'pause') {
    // Like the driver, a pause blocks the script for its length while the server is frozen.
    ctx.setTimer(Number(step.args[0]), { drv: 'sleep' });
    const pauses = step.cmd === 'pause' ? [...s.pauses, Number(step.args[0])] : s.pauses;
    return { ...s, i: s.i + 1, pauses, results: { ...s.results, [step.line]: { ok: true } } };
  }
  const cmd: Cmd = { type: 'drv.cmd', line: step.line, cmd: step.cmd, args: step.args };
  ctx.send(step.session!, cmd);
  return { ...s, i: s.i + 1 };
}

const conductorModel: ModelDef<ConductorParams, ConductorState> = {
  type: 'zk-conductor',
  init: (p) => ({ steps: p.steps, i: 0, results: {}, done: false, pauses: [] }),
  start: (s, ctx) => advance(s, ctx),
  onMessage(s, msg, _from, ctx) {
    if (msg.type !== 'drv.res') return s;
    const r = msg as unknown as Res;
    return advance({ ...s, results: { ...s.results, [r.line]: r.res } }, ctx);
  },
  onTimer: (s, _p, ctx) => advance(s, ctx),
};

// ---- one script session ----

interface Wait {
  line: number;
  cmd: string;
  xid: number | null;
}

interface SessionState {
  client: ZkClientState | null;
  partitioned: boolean;
  events: RawEvent[];
  wait: Wait | null;
}

/** A view of ctx in which the server is unreachable both ways (the Java side's blocked proxy). */
function cutOff(ctx: Ctx): Ctx {
  return {
    get now() {
      return ctx.now;
    },
    get monotonic() {
      return ctx.monotonic;
    },
    get self() {
      return ctx.self;
    },
    send: (to, msg) => {
      if (to !== ZK) ctx.send(to, msg);
    },
    disconnect: (to) => ctx.disconnect(to),
    // Nothing here replies to the server through reply(); a reply to the conductor passes.
    reply: (msg) => ctx.reply(msg),
    setTimer: (d, p) => ctx.setTimer(d, p),
    cancelTimer: (id) => ctx.cancelTimer(id),
    trace: (type, data) => ctx.trace(type, data),
    random: () => ctx.random(),
    metric: (n, d) => ctx.metric(n, d),
    neighbours: () => ctx.neighbours(),
    typeOf: (id) => ctx.typeOf(id),
  };
}

function rawStat(st: ZkStat): RawStat {
  return {
    czxid: formatZxid(st.czxid),
    mzxid: formatZxid(st.mzxid),
    pzxid: formatZxid(st.pzxid),
    version: st.version,
    cversion: st.cversion,
    aversion: st.aversion,
    ephemeralOwner: st.ephemeralOwner,
    dataLength: st.dataLength,
    numChildren: st.numChildren,
  };
}

/** A multi's arguments, split at `;`. */
function splitMulti(args: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const a of args) {
    if (a === ';') out.push([]);
    else out[out.length - 1].push(a);
  }
  return out;
}

function subOp(a: readonly string[]): ZkMultiOp {
  switch (a[0]) {
    case 'create': {
      const c = parseCreate(a.slice(1));
      return { op: 'create', path: c.path, data: c.data, kind: c.ephemeral ? 'ephemeral' : 'persistent', sequential: c.sequential };
    }
    case 'set':
      return { op: 'setData', path: a[1], data: dataArg(a[2]), version: a.length > 3 ? Number(a[3]) : -1 };
    case 'delete':
      return { op: 'delete', path: a[1], version: a.length > 2 ? Number(a[2]) : -1 };
    default:
      return { op: 'check', path: a[1], version: Number(a[2]) };
  }
}

/** An error code as the Java driver names it (KeeperException.Code's own name where it has no short one). */
function errText(err: string): string {
  return err === 'NoAuth' ? 'NOAUTH' : err === 'RuntimeInconsistency' ? 'RUNTIMEINCONSISTENCY' : err;
}

function rawResults(rs: readonly ZkOpResult[]): RawOpResult[] {
  return rs.map((x) => (x.op === 'setData' ? { op: 'set', stat: rawStat(x.stat) } : x.op === 'error' ? { op: 'error', err: errText(x.err) } : x));
}

/** A client library result as the Java driver prints it for `cmd`. */
export function rawResult(cmd: string, r: ZkResult): RawResult {
  // The Java driver reports the client library's IllegalArgumentException with its message.
  if (!r.ok) {
    const err = r.err === 'IllegalArgument' ? `IllegalArgumentException: ${r.detail ?? ''}` : errText(r.err);
    return r.results ? { err, results: rawResults(r.results) } : { err };
  }
  if (cmd === 'multi') return { ok: true, results: rawResults(r.results ?? []) };
  switch (cmd) {
    case 'create':
      return { ok: true, path: r.path, stat: r.stat ? rawStat(r.stat) : null };
    case 'set':
      return { ok: true, stat: r.stat ? rawStat(r.stat) : null };
    case 'get':
      return { ok: true, data: r.data ?? null, stat: r.stat ? rawStat(r.stat) : null };
    case 'exists':
      return { ok: true, stat: r.stat ? rawStat(r.stat) : null };
    case 'ls':
      return { ok: true, children: [...(r.children ?? [])], stat: r.stat ? rawStat(r.stat) : null };
    default:
      return { ok: true };
  }
}

/** The request a script command stands for. */
export function opFor(cmd: string, args: readonly string[]): ZkOp {
  switch (cmd) {
    case 'create': {
      const c = parseCreate(args);
      const kind = c.container ? 'container' : c.ttl !== null ? 'ttl' : c.ephemeral ? 'ephemeral' : 'persistent';
      return { op: 'create', path: c.path, data: c.data, kind, sequential: c.sequential, ttl: c.ttl ?? undefined };
    }
    case 'delete':
      return { op: 'delete', path: args[0], version: args.length > 1 ? Number(args[1]) : -1 };
    case 'set':
      return { op: 'setData', path: args[0], data: dataArg(args[1]), version: args.length > 2 ? Number(args[2]) : -1 };
    case 'get':
      return { op: 'getData', path: args[0], watch: args[1] === 'watch' };
    case 'exists':
      return { op: 'exists', path: args[0], watch: args[1] === 'watch' };
    case 'ls':
      return { op: 'getChildren', path: args[0], watch: args[1] === 'watch' };
    case 'sync':
      return { op: 'sync', path: args[0] };
    case 'multi':
      return { op: 'multi', ops: splitMulti(args).map(subOp) };
    case 'addWatch':
      return { op: 'addWatch', path: args[0], mode: args[1] === 'recursive' ? 'recursive' : 'persistent' };
    case 'removeWatches':
      return { op: 'removeWatches', path: args[0], type: args[1] === 'data' ? 'data' : args[1] === 'children' ? 'children' : 'any' };
    default:
      throw new Error(`not a request: ${cmd}`);
  }
}

function reply(ctx: Ctx, line: number, res: RawResult): void {
  const m: Res = { type: 'drv.res', line, res };
  ctx.send(CONDUCTOR, m);
}

/** Folds a client step into the session: records events, answers the command it waits for. */
function absorb(s: SessionState, step: ClientStep, ctx: Ctx): SessionState {
  let events = s.events;
  let wait = s.wait;
  const client = step.state;
  for (const o of step.out as ZkClientOutput[]) {
    if (o.kind === 'event') events = [...events, { type: o.event.type, path: o.event.path }];
    else if (o.kind === 'state') {
      events = [...events, { state: o.keeper }];
      if (wait && wait.cmd === 'connect' && o.keeper === 'SyncConnected') {
        reply(ctx, wait.line, { ok: true, timeout: client.timeoutMs, session: client.sessionId ?? '' });
        wait = null;
        events = []; // the Java driver clears what the connect itself raised
      }
    } else if (o.kind === 'reply' && wait && wait.xid === o.xid) {
      if (wait.cmd === 'events') {
        reply(ctx, wait.line, { ok: true, events });
        events = [];
      } else reply(ctx, wait.line, rawResult(wait.cmd, o.result));
      wait = null;
    } else if (o.kind === 'reply' && wait && wait.cmd === 'close' && o.op.op === 'closeSession') {
      reply(ctx, wait.line, { ok: true });
      wait = null;
    }
  }
  return { ...s, client, events, wait };
}

function command(s: SessionState, c: Cmd, ctx0: Ctx): SessionState {
  const ctx = s.partitioned ? cutOff(ctx0) : ctx0;
  const fail = (why: string) => {
    reply(ctx, c.line, { fail: why });
    return s;
  };
  if (c.cmd === 'connect') {
    if (s.client && s.client.phase !== 'closed' && s.client.phase !== 'expired') return fail(`session ${ctx.self} already open`);
    const client = zkClientInit({ server: ZK, sessionTimeoutMs: Number(c.args[0]) });
    return absorb({ ...s, client: null, events: [], wait: { line: c.line, cmd: 'connect', xid: null } }, zkClientStart(client, ctx), ctx);
  }
  const client = s.client;
  if (!client) return fail(`no session ${ctx.self}`);
  switch (c.cmd) {
    case 'events': {
      if (client.phase !== 'connected') {
        reply(ctx, c.line, { ok: true, events: s.events });
        return { ...s, events: [] };
      }
      // As the Java driver: a round trip, so every event sent before its reply is in.
      const r = zkSubmit(client, { op: 'exists', path: '/', watch: false }, 'flush', ctx);
      return absorb({ ...s, wait: { line: c.line, cmd: 'events', xid: r.xid } }, r, ctx);
    }
    case 'close': {
      const r = absorb({ ...s, wait: { line: c.line, cmd: 'close', xid: null } }, zkClientClose(client, ctx), ctx);
      // Nothing was sent (the handle was not connected): the call returns at once.
      if (r.wait && r.client && (r.client.phase === 'closed' || r.client.phase === 'expired')) {
        reply(ctx, c.line, { ok: true });
        return { ...r, wait: null };
      }
      return r;
    }
    case 'crash': {
      // The process dies: its socket closes (the server hears that), no closeSession is sent.
      if (client.sessionId !== null && (client.phase === 'connected' || client.phase === 'connecting')) {
        ctx.send(ZK, { type: 'zk.fin', conn: client.conn, sessionId: client.sessionId } as Msg);
      }
      if (client.timer) ctx.cancelTimer(client.timer.id);
      reply(ctx, c.line, { ok: true });
      return { ...s, client: null, wait: null };
    }
    case 'partition':
      reply(ctx, c.line, { ok: true });
      return { ...s, partitioned: true };
    case 'heal': {
      // The proxy drops the connections that lived through the cut; the client sees them break.
      const healed = { ...s, partitioned: false };
      reply(ctx0, c.line, { ok: true });
      return absorb(healed, zkClientConnectionLost(client, ctx0, 'connection reset'), ctx0);
    }
    default: {
      const r = zkSubmit(client, opFor(c.cmd, c.args), c.line, ctx);
      return absorb({ ...s, wait: { line: c.line, cmd: c.cmd, xid: r.xid } }, r, ctx);
    }
  }
}

const sessionModel: ModelDef<Record<string, never>, SessionState> = {
  type: 'zk-session',
  init: () => ({ client: null, partitioned: false, events: [], wait: null }),
  onMessage(s, msg, from, ctx) {
    if (msg.type === 'drv.cmd') return command(s, msg as unknown as Cmd, ctx);
    if (!s.client || (s.partitioned && from === ZK)) return s;
    const r = zkClientOnMessage(s.client, msg, from, s.partitioned ? cutOff(ctx) : ctx);
    return r ? absorb(s, r, s.partitioned ? cutOff(ctx) : ctx) : s;
  },
  onTimer(s, payload, ctx) {
    if (!s.client) return s;
    const c = s.partitioned ? cutOff(ctx) : ctx;
    const r = zkClientOnTimer(s.client, payload, c);
    return r ? absorb(s, r, c) : s;
  },
};

/**
 * Runs a script against the model in virtual time. Returns each command line's raw answer and
 * the simulation (for a closer look when a line differs).
 */
export function runModel(steps: ZkStep[]): { results: Map<number, RawResult>; sim: Simulation } {
  const sessions = [...new Set(steps.filter((s) => s.session !== null).map((s) => s.session!))];
  const sim = new Simulation(
    {
      seed: 1,
      nodes: [
        { id: ZK, type: 'zookeeper', params: zookeeperParams.parse(MODEL_SERVER_PARAMS) },
        { id: CONDUCTOR, type: 'zk-conductor', params: { steps } },
        ...sessions.map((id) => ({ id, type: 'zk-session', params: {} })),
      ],
      links: [
        ...sessions.map((id) => ({ id: `${id}-zk`, source: id, target: ZK, params: { latency: { kind: 'fixed' as const, ms: LINK_MS } } })),
        ...sessions.map((id) => ({ id: `${id}-c`, source: CONDUCTOR, target: id, params: { latency: { kind: 'fixed' as const, ms: 0 } } })),
      ],
    },
    {
      zookeeper: zookeeperModel as unknown as ModelDef<never, unknown>,
      'zk-conductor': conductorModel as unknown as ModelDef<never, unknown>,
      'zk-session': sessionModel as unknown as ModelDef<never, unknown>,
    },
    { record: true, snapshotEvery: 0 },
  );
  const state = () => sim.node(CONDUCTOR).state as ConductorState;
  // Sessions ping forever, so the run ends when the conductor is done, not when events run out.
  const slept = steps.filter((s) => s.cmd === 'sleep' || s.cmd === 'pause').reduce((a, s) => a + Number(s.args[0]), 0);
  const limit = slept + 120_000;
  let paused = 0;
  while (!state().done) {
    if (!sim.step()) break;
    // The conductor reached `server pause`: freeze the server now, as SIGSTOP does.
    for (const ms of state().pauses.slice(paused)) sim.intervene({ at: sim.time, kind: 'pause', node: ZK, durationMs: ms });
    paused = state().pauses.length;
    if (sim.time > limit) break; // a line the model never answers: reported as missing
  }
  const results = new Map<number, RawResult>();
  for (const [line, r] of Object.entries(state().results)) results.set(Number(line), r);
  return { results, sim };
}
