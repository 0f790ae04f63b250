import { zkClientClose, zkClientOnMessage, zkClientOnTimer, zkClientStart, zkSubmit } from '../../../engine/clients/zookeeper/client';
import { zkClientInit, type ZkClientOutput, type ZkClientState, type ZkStep as ClientStep } from '../../../engine/clients/zookeeper/state';
import { Simulation } from '../../../engine/core/simulation';
import type { Ctx, ModelDef } from '../../../engine/core/types';
import { zookeeperModel, type ZookeeperState } from '../../../engine/models/zookeeper/model';
import { zookeeperParams } from '../../../engine/models/zookeeper/params';
import { opFor, rawResult } from '../model-side';
import type { RawEvent, RawResult } from '../normalise';
import type { ZkStep } from '../script';
import { ENSEMBLE_CONFIG } from './real';
import { SERVERS, type EnsStep, type ServerName } from './script';
import type { EnsembleSide, Mode, Whereabouts } from './side';

/**
 * The model side of an ensemble conformance run: a simulation of three `zookeeper` nodes z1-z3
 * (server ids 1-3, linked to each other: an ensemble) with the real servers' settings, and one
 * node per script session running the client library, linked to the servers of its connect
 * string. The runner drives it from outside in virtual time: it pokes a session (a zero clock
 * skew, which calls the node's onClockChange) to run its next command, and reads the servers'
 * and sessions' states for modes and whereabouts.
 */

/** One-way latency of every link (the real run is all on loopback). */
const LINK_MS = 0.5;
/** How long (virtual ms) a session command may take before it counts as unanswered. */
const COMMAND_LIMIT = 60_000;
const POLL_MS = 100;

interface Cmd {
  line: number;
  cmd: string;
  args: string[];
}

interface Wait {
  line: number;
  cmd: string;
  xid: number | null;
  /** `await gone`: the path polled and when to give up. */
  path?: string;
  until?: number;
}

interface SessionParams {
  cmds: Cmd[];
}

interface SessionState {
  cmds: Cmd[];
  next: number;
  client: ZkClientState | null;
  events: RawEvent[];
  wait: Wait | null;
  results: Record<number, RawResult>;
}

const POLL = { owner: 'zke-session', timer: 'poll' } as const;
const isPoll = (p: unknown): boolean => typeof p === 'object' && p !== null && (p as { owner?: unknown }).owner === POLL.owner;

function answer(s: SessionState, line: number, res: RawResult): SessionState {
  return { ...s, results: { ...s.results, [line]: res }, wait: null };
}

/** Folds a client step into the session: records events, answers the command it waits for. */
function absorb(s0: SessionState, step: ClientStep, ctx: Ctx): SessionState {
  let s: SessionState = { ...s0, client: step.state };
  for (const o of step.out as ZkClientOutput[]) {
    const wait = s.wait;
    if (o.kind === 'event') s = { ...s, events: [...s.events, { type: o.event.type, path: o.event.path }] };
    else if (o.kind === 'state') {
      s = { ...s, events: [...s.events, { state: o.keeper }] };
      if (wait && wait.cmd === 'connect' && o.keeper === 'SyncConnected') {
        // As the Java driver: what the connect itself raised is cleared.
        s = { ...answer(s, wait.line, { ok: true, timeout: step.state.timeoutMs, session: step.state.sessionId ?? '' }), events: [] };
      }
    } else if (o.kind === 'reply' && wait && wait.xid === o.xid) {
      if (wait.cmd === 'events') s = { ...answer(s, wait.line, { ok: true, events: s.events }), events: [] };
      else if (wait.cmd === 'awaitGone') {
        const r = rawResult('exists', o.result);
        // Gone, or out of time: that answer stands; otherwise ask again (an error too: the client may be moving).
        if ((r.ok && r.stat === null) || ctx.now >= wait.until!) s = answer(s, wait.line, r);
        else {
          ctx.setTimer(POLL_MS, POLL);
          s = { ...s, wait: { ...wait, xid: null } };
        }
      } else s = answer(s, wait.line, rawResult(wait.cmd, o.result));
    } else if (o.kind === 'reply' && wait && wait.cmd === 'close' && o.op.op === 'closeSession') s = answer(s, wait.line, { ok: true });
  }
  return s;
}

function runNext(s0: SessionState, ctx: Ctx): SessionState {
  const c = s0.cmds[s0.next];
  const s = { ...s0, next: s0.next + 1 };
  if (!c) return s;
  if (c.cmd === 'connect') {
    const client = zkClientInit({ server: c.args[1], sessionTimeoutMs: Number(c.args[0]) });
    return absorb({ ...s, events: [], wait: { line: c.line, cmd: 'connect', xid: null } }, zkClientStart(client, ctx), ctx);
  }
  const client = s.client;
  if (!client) return answer(s, c.line, { fail: `no session ${ctx.self}` });
  switch (c.cmd) {
    case 'events': {
      if (client.phase !== 'connected') return { ...answer(s, c.line, { ok: true, events: s.events }), events: [] };
      // As the Java driver: a round trip, so every event sent before its reply is in.
      const r = zkSubmit(client, { op: 'exists', path: '/', watch: false }, 'flush', ctx);
      return absorb({ ...s, wait: { line: c.line, cmd: 'events', xid: r.xid } }, r, ctx);
    }
    case 'close': {
      const r = absorb({ ...s, wait: { line: c.line, cmd: 'close', xid: null } }, zkClientClose(client, ctx), ctx);
      if (r.wait && r.client && (r.client.phase === 'closed' || r.client.phase === 'expired')) return answer(r, c.line, { ok: true });
      return r;
    }
    case 'awaitGone': {
      const r = zkSubmit(client, { op: 'exists', path: c.args[0], watch: false }, 'poll', ctx);
      return absorb({ ...s, wait: { line: c.line, cmd: 'awaitGone', xid: r.xid, path: c.args[0], until: ctx.now + Number(c.args[1]) } }, r, ctx);
    }
    default: {
      const r = zkSubmit(client, opFor(c.cmd, c.args), c.line, ctx);
      return absorb({ ...s, wait: { line: c.line, cmd: c.cmd, xid: r.xid } }, r, ctx);
    }
  }
}

const sessionModel: ModelDef<SessionParams, SessionState> = {
  type: 'zke-session',
  init: (p) => ({ cmds: p.cmds, next: 0, client: null, events: [], wait: null, results: {} }),
  // The runner's poke: run the next command.
  onClockChange: (s, ctx) => runNext(s, ctx),
  onMessage(s, msg, from, ctx) {
    if (!s.client) return s;
    const r = zkClientOnMessage(s.client, msg, from, ctx);
    return r ? absorb(s, r, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    if (isPoll(payload)) {
      const w = s.wait;
      if (!w || w.cmd !== 'awaitGone' || !s.client) return s;
      const r = zkSubmit(s.client, { op: 'exists', path: w.path!, watch: false }, 'poll', ctx);
      return absorb({ ...s, wait: { ...w, xid: r.xid } }, r, ctx);
    }
    if (!s.client) return s;
    const r = zkClientOnTimer(s.client, payload, ctx);
    return r ? absorb(s, r, ctx) : s;
  },
};

/** The session commands of a script, per session, in order (what each session node plays when poked). */
function sessionCommands(steps: EnsStep[]): Map<string, Cmd[]> {
  const out = new Map<string, Cmd[]>();
  const add = (session: string, c: Cmd) => out.set(session, [...(out.get(session) ?? []), c]);
  for (const s of steps) {
    if (s.kind === 'session') add(s.session!, { line: s.line, cmd: s.cmd, args: s.args });
    else if (s.kind === 'connect') add(s.session, { line: s.line, cmd: 'connect', args: [String(s.timeoutMs), s.hosts.join(',')] });
    else if (s.kind === 'awaitGone') add(s.session, { line: s.line, cmd: 'awaitGone', args: [s.path, String(s.ms)] });
  }
  return out;
}

/** The model's ensemble, set up for one script. */
export class ModelEnsemble implements EnsembleSide {
  readonly sim: Simulation;

  constructor(steps: EnsStep[]) {
    const cmds = sessionCommands(steps);
    const hostsOf = new Map<string, string[]>();
    for (const s of steps) if (s.kind === 'connect') hostsOf.set(s.session, [...new Set([...(hostsOf.get(s.session) ?? []), ...s.hosts])]);
    const link = (a: string, b: string) => ({ id: `${a}-${b}`, source: a, target: b, params: { latency: { kind: 'fixed' as const, ms: LINK_MS } } });
    this.sim = new Simulation(
      {
        seed: 1,
        nodes: [
          ...SERVERS.map((id, i) => ({ id, type: 'zookeeper', params: zookeeperParams.parse({ ...ENSEMBLE_CONFIG, serverId: i + 1 }) })),
          ...[...cmds.keys()].map((id) => ({ id, type: 'zke-session', params: { cmds: cmds.get(id)! } })),
        ],
        links: [
          ...SERVERS.flatMap((a, i) => SERVERS.slice(i + 1).map((b) => link(a, b))),
          ...[...hostsOf.entries()].flatMap(([c, hs]) => hs.map((z) => link(c, z))),
        ],
        // Every server is down until the script starts it. (Just after t = 0: a node crashed at
        // t = 0 itself is still started by the simulation, crashed or not.)
        interventions: SERVERS.map((node) => ({ at: 0.001, kind: 'crash' as const, node })),
      },
      {
        zookeeper: zookeeperModel as unknown as ModelDef<never, unknown>,
        'zke-session': sessionModel as unknown as ModelDef<never, unknown>,
      },
      { record: true, snapshotEvery: 0 },
    );
    this.sim.runUntil(0.001);
  }

  now(): number {
    return this.sim.time;
  }

  private session(id: string): SessionState {
    return this.sim.node(id).state as SessionState;
  }

  /** Runs until `done()` holds or `ms` of virtual time passed. */
  private until(done: () => boolean, ms: number): void {
    const end = this.sim.time + ms;
    while (!done() && this.sim.peek() <= end) this.sim.step();
    if (!done()) this.sim.runUntil(end);
  }

  async start(servers: ServerName[]): Promise<void> {
    // A real server takes a second or two to come up, and the next is started once it answers:
    // a second apart here. After the last one nothing more is waited for, so an `await` that
    // follows shows how long the model's election took.
    servers.forEach((node, i) => {
      if (i > 0) this.sim.runUntil(this.sim.time + 1000);
      this.sim.intervene({ at: this.sim.time, kind: 'restart', node });
      this.sim.runUntil(this.sim.time);
    });
  }

  async kill(server: ServerName): Promise<void> {
    this.sim.intervene({ at: this.sim.time, kind: 'crash', node: server });
    this.sim.runUntil(this.sim.time);
  }

  private modesNow(): Record<ServerName, Mode> {
    const out = {} as Record<ServerName, Mode>;
    for (const z of SERVERS) {
      const n = this.sim.node(z);
      const q = (n.state as ZookeeperState).q;
      out[z] = n.status === 'crashed' ? 'down' : q?.serving && q.role === 'leading' ? 'leader' : q?.serving && q.role === 'following' ? 'follower' : 'not-serving';
    }
    return out;
  }

  async modes(): Promise<Record<ServerName, Mode>> {
    return this.modesNow();
  }

  async awaitModes(ok: (m: Record<ServerName, Mode>) => boolean, ms: number): Promise<Record<ServerName, Mode>> {
    this.until(() => ok(this.modesNow()), ms);
    return this.modesNow();
  }

  async sleep(ms: number): Promise<void> {
    this.sim.runUntil(this.sim.time + ms);
  }

  /** Pokes the session to run its next command and runs until it is answered. */
  private play(line: number, session: string): RawResult {
    this.sim.intervene({ at: this.sim.time, kind: 'skew', node: session, deltaMs: 0 });
    this.until(() => this.session(session).results[line] !== undefined, COMMAND_LIMIT);
    return this.session(session).results[line] ?? { fail: `no answer within ${COMMAND_LIMIT} ms` };
  }

  async connect(line: number, session: string): Promise<RawResult> {
    return this.play(line, session);
  }

  private whereNow(session: string): Whereabouts {
    const c = this.session(session).client;
    return { server: c && c.phase === 'connected' ? (c.server as ServerName) : null, session: c?.sessionId ?? '0x0' };
  }

  async where(_line: number, session: string): Promise<Whereabouts> {
    return this.whereNow(session);
  }

  async awaitConnected(_line: number, session: string, ms: number): Promise<Whereabouts> {
    this.until(() => this.whereNow(session).server !== null, ms);
    return this.whereNow(session);
  }

  async awaitGone(line: number, session: string): Promise<RawResult> {
    return this.play(line, session);
  }

  async command(step: ZkStep): Promise<RawResult> {
    return this.play(step.line, step.session!);
  }

  async stop(): Promise<void> {}
}
