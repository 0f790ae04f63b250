import type { TraceEvent } from '../../core/trace-types';
import type { Ctx, Msg } from '../../core/types';
import { PING_XID, type ZkMsg, type ZkRequestMsg } from './messages';
import { grownCapacity, javaHashOrder } from './zk/javahash';
import { MAX_TTL, selfAndAncestors, validPath } from './zk/core';
import { monotonicNow } from './zk/time';
import type { ZkErrorCode, ZkOp, ZkResult, ZkWatchEvent } from './zk/types';

/**
 * A ZooKeeper client library that programs embed (a lock client, a coordinator…), modelled on
 * the official Java client of 3.8 and, optionally, Curator's connection handling on top:
 *
 * - connect, then ping after readTimeout/2 of send silence, readTimeout = 2/3 of the negotiated
 *   session timeout (the Java client's exact rule: `readTimeout/2 − idleSend − (idleSend > 1000 ?
 *   1000 : 0) ≤ 0`, checked whenever it wakes, so with no traffic a ping goes out every
 *   readTimeout/2);
 * - nothing heard for readTimeout: the connection is given up, pending requests fail with
 *   ConnectionLoss, Disconnected is raised, and after a random 0–999 ms it reconnects to the same
 *   session (an attempt lasts connectTimeout = the session timeout, one server), then sends its
 *   watches (SetWatches) so changes missed meanwhile fire at once, then what was queued;
 * - the client learns Expired only when a reconnect reaches the server;
 * - with `curator: true`: CONNECTED / SUSPENDED / RECONNECTED / LOST, where LOST comes either
 *   from Expired or after SUSPENDED has lasted a whole session timeout (Curator 3+ then injects
 *   the expiry itself), and a new session is opened at once.
 *
 * All state is plain data; every function returns the next state and what the host should act
 * on (replies, watch events, state changes) instead of calling back.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'zk.client.state': { session: string | null; keeper: KeeperState; curator: CuratorState | null; reason: string };
    'zk.client.event': { session: string | null; event: ZkWatchEvent['type']; path: string };
  }
}

/** The Java client's KeeperState values a watcher sees. */
export type KeeperState = 'SyncConnected' | 'Disconnected' | 'Expired' | 'Closed';
/** Curator's ConnectionState. */
export type CuratorState = 'CONNECTED' | 'SUSPENDED' | 'RECONNECTED' | 'LOST';
export type ZkClientPhase = 'idle' | 'connecting' | 'connected' | 'backoff' | 'closing' | 'closed' | 'expired';

export interface ZkClientOptions {
  /** The ZooKeeper node to connect to. */
  server: string;
  /** Requested session timeout (ms); the server clamps it. */
  sessionTimeoutMs: number;
  /** Curator-style connection states and recovery. */
  curator?: boolean;
}

/** A request on its way: `tag` is the host's own (plain data) label for it. */
export interface ZkPending {
  xid: number;
  op: ZkOp;
  tag: unknown;
  sentAt: number;
}

type WatchKind = 'data' | 'exist' | 'child' | 'persistent' | 'recursive';
const WATCH_KINDS: readonly WatchKind[] = ['data', 'exist', 'child', 'persistent', 'recursive'];

export interface ZkClientState {
  server: string;
  requestedMs: number;
  curatorMode: boolean;
  phase: ZkClientPhase;
  sessionId: string | null;
  /** Negotiated timeout once connected, the requested one before. */
  timeoutMs: number;
  /** Number of the current connection attempt; messages of older ones are ignored. */
  conn: number;
  nextXid: number;
  lastZxid: number;
  lastSend: number;
  lastRecv: number;
  connectStartedAt: number;
  /** When the connect request is sent again if still unanswered (TCP retransmission), and the gap after that. */
  resendAt: number;
  resendGap: number;
  backoffUntil: number;
  /** Sent, awaiting replies (the server answers in order). */
  pending: ZkPending[];
  /** Submitted while not connected: sent with the next connection. */
  queued: ZkPending[];
  /** Paths with a registered watch, per kind, in registration order. */
  watches: Record<WatchKind, string[]>;
  /** Largest each watch map has been (a Java HashMap never shrinks; it sets the SetWatches order). */
  watchMax: Record<WatchKind, number>;
  /** Last KeeperState raised (the Java event thread drops a repeat of the same state). */
  keeper: KeeperState;
  curator: CuratorState | null;
  everConnected: boolean;
  suspendedAt: number | null;
  timer: { at: number; id: number } | null;
}

/** What the host should act on after a step. */
export type ZkClientOutput =
  | { kind: 'reply'; xid: number; tag: unknown; op: ZkOp; result: ZkResult; zxid: number }
  | { kind: 'event'; event: ZkWatchEvent }
  | { kind: 'state'; keeper: KeeperState; curator: CuratorState | null; sessionId: string | null };

export interface ZkStep {
  state: ZkClientState;
  out: ZkClientOutput[];
}

const TICK = { zkc: 'tick' } as const;
const SET_WATCHES_XID = -8;
const MAX_SEND_PING_INTERVAL = 10_000;

/** Whether a timer payload belongs to this library. */
export function isZkClientTimer(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { zkc?: unknown }).zkc === 'tick';
}

/** A client that has not connected yet; call zkClientStart from the host's start(). */
export function zkClientInit(o: ZkClientOptions): ZkClientState {
  return {
    server: o.server,
    requestedMs: o.sessionTimeoutMs,
    curatorMode: o.curator ?? false,
    phase: 'idle',
    sessionId: null,
    timeoutMs: o.sessionTimeoutMs,
    conn: 0,
    nextXid: 1,
    lastZxid: 0,
    lastSend: 0,
    lastRecv: 0,
    connectStartedAt: 0,
    resendAt: 0,
    resendGap: 0,
    backoffUntil: 0,
    pending: [],
    queued: [],
    watches: { data: [], exist: [], child: [], persistent: [], recursive: [] },
    watchMax: { data: 0, exist: 0, child: 0, persistent: 0, recursive: 0 },
    keeper: 'Disconnected',
    curator: null,
    everConnected: false,
    suspendedAt: null,
    timer: null,
  };
}

/** readTimeout = 2/3 of the session timeout (Java int arithmetic). */
export function readTimeoutOf(timeoutMs: number): number {
  return Math.floor((timeoutMs * 2) / 3);
}

/**
 * Ms until the Java client pings, given how long nothing has been sent; ≤ 0 means now. With no
 * traffic at all this gives a ping every readTimeout/2.
 */
export function timeToNextPing(readTimeout: number, idleSend: number): number {
  if (idleSend > MAX_SEND_PING_INTERVAL) return 0;
  return Math.floor(readTimeout / 2) - idleSend - (idleSend > 1000 ? 1000 : 0);
}

/** Mutable scratch for one step: the state is copied once, outputs collected. */
class Step {
  s: ZkClientState;
  out: ZkClientOutput[] = [];
  constructor(
    s: ZkClientState,
    readonly ctx: Ctx,
  ) {
    this.s = { ...s };
  }

  /** The client's clock for every timeout (see zk/time.ts). */
  get now(): number {
    return monotonicNow(this.ctx);
  }

  send(msg: ZkMsg): void {
    this.ctx.send(this.s.server, msg);
    this.s.lastSend = this.now;
  }

  keeper(k: KeeperState, reason: string): void {
    if (this.s.keeper === k) return;
    this.s.keeper = k;
    this.out.push({ kind: 'state', keeper: k, curator: this.s.curator, sessionId: this.s.sessionId });
    this.ctx.trace('zk.client.state', { session: this.s.sessionId, keeper: k, curator: this.s.curator, reason });
  }

  curator(c: CuratorState, reason: string): void {
    if (!this.s.curatorMode || this.s.curator === c) return;
    this.s.curator = c;
    this.out.push({ kind: 'state', keeper: this.s.keeper, curator: c, sessionId: this.s.sessionId });
    this.ctx.trace('zk.client.state', { session: this.s.sessionId, keeper: this.s.keeper, curator: c, reason });
  }

  failAll(err: ZkErrorCode): void {
    const all = [...this.s.pending, ...this.s.queued];
    this.s.pending = [];
    this.s.queued = [];
    for (const p of all) this.out.push({ kind: 'reply', xid: p.xid, tag: p.tag, op: p.op, result: { ok: false, err }, zxid: -1 });
  }

  request(p: ZkPending): void {
    const msg: ZkRequestMsg = { type: 'zk.request', conn: this.s.conn, sessionId: this.s.sessionId ?? '', xid: p.xid, op: p.op };
    this.send(msg);
  }

  done(): ZkStep {
    arm(this);
    return { state: this.s, out: this.out };
  }
}

/** TCP's first retransmission timeout (Linux: 1 s, doubling). */
const FIRST_RTO = 1000;

function connectMsg(s: ZkClientState): ZkMsg {
  return { type: 'zk.connect', conn: s.conn, sessionId: s.sessionId, timeoutMs: s.requestedMs, lastZxid: s.lastZxid };
}

/**
 * A connection attempt. The links here lose messages the way a datagram network does, while
 * the real client talks TCP, which resends until the peer answers; so the connect request is
 * sent again 1, 2, 4… s later while unanswered (the server ignores a repeat on a connection it
 * already has). Without this a client whose attempt fell into a partition would wait out the
 * whole connect timeout after the link healed, which a real one does not.
 */
function beginConnect(st: Step): void {
  const s = st.s;
  s.conn += 1;
  s.phase = 'connecting';
  s.connectStartedAt = st.now;
  s.lastRecv = st.now;
  s.resendGap = FIRST_RTO;
  s.resendAt = st.now + FIRST_RTO;
  st.send(connectMsg(s));
}

/** Once connected: the watches to restore (SetWatches, with the last zxid seen), then what was queued. */
function primeConnection(st: Step): void {
  const s = st.s;
  if (WATCH_KINDS.some((k) => s.watches[k].length > 0)) {
    const order = (k: WatchKind) => javaHashOrder(s.watches[k], grownCapacity(s.watchMax[k]));
    st.send({
      type: 'zk.request',
      conn: s.conn,
      sessionId: s.sessionId!,
      xid: SET_WATCHES_XID,
      op: { op: 'setWatches', relativeZxid: s.lastZxid, data: order('data'), exist: order('exist'), child: order('child'), persistent: order('persistent'), recursive: order('recursive') },
    });
  }
  flushQueued(st);
}

function flushQueued(st: Step): void {
  const q = st.s.queued;
  if (q.length === 0) return;
  st.s.queued = [];
  st.s.pending = [...st.s.pending, ...q.map((p) => ({ ...p, sentAt: st.now }))];
  for (const p of q) st.request(p);
}

/** The connection is gone (read timeout, failed attempt, or closed by the server). */
function lose(st: Step, reason: string): void {
  const s = st.s;
  if (s.sessionId !== null && (s.phase === 'connected' || s.phase === 'connecting' || s.phase === 'closing')) {
    // The client closes its socket; if the link is cut the server never hears it.
    st.send({ type: 'zk.fin', conn: s.conn, sessionId: s.sessionId });
  }
  s.conn += 1; // anything still in flight on the old connection is ignored
  if (s.phase === 'closing') {
    st.failAll('ConnectionLoss');
    s.phase = 'closed';
    st.keeper('Closed', reason);
    return;
  }
  st.failAll('ConnectionLoss');
  const wasConnected = s.phase === 'connected';
  s.phase = 'backoff';
  s.backoffUntil = st.now + Math.floor(st.ctx.random() * 1000);
  st.keeper('Disconnected', reason);
  if (wasConnected && (s.curator === 'CONNECTED' || s.curator === 'RECONNECTED')) {
    s.suspendedAt = st.now;
    st.curator('SUSPENDED', reason);
  }
}

/** The session is over for this handle: Expired; with Curator, LOST and a fresh session. */
function expire(st: Step, reason: string): void {
  const s = st.s;
  s.phase = 'expired';
  st.keeper('Expired', reason);
  st.failAll('SessionExpired');
  s.suspendedAt = null;
  if (!s.curatorMode) return;
  st.curator('LOST', reason);
  // Curator closes the handle and builds a new one straight away: new session, no watches.
  s.sessionId = null;
  s.lastZxid = 0;
  s.timeoutMs = s.requestedMs;
  s.watches = { data: [], exist: [], child: [], persistent: [], recursive: [] };
  s.watchMax = { data: 0, exist: 0, child: 0, persistent: 0, recursive: 0 };
  s.keeper = 'Disconnected';
  beginConnect(st);
}

/** Runs the send thread's checks for the current time: timeouts, pings, backoff, Curator's LOST. */
function evaluate(st: Step): void {
  const s = st.s;
  const now = st.now;
  if (s.curatorMode && s.suspendedAt !== null && now - s.suspendedAt >= s.timeoutMs && s.phase !== 'connected') {
    if (s.phase === 'connecting' && s.sessionId !== null) st.send({ type: 'zk.fin', conn: s.conn, sessionId: s.sessionId });
    s.conn += 1;
    expire(st, 'suspended for a whole session timeout');
    return;
  }
  switch (s.phase) {
    case 'connected':
    case 'closing': {
      if (now - s.lastRecv >= readTimeoutOf(s.timeoutMs)) {
        lose(st, `nothing heard for ${readTimeoutOf(s.timeoutMs)} ms`);
        return;
      }
      if (s.phase === 'connected' && timeToNextPing(readTimeoutOf(s.timeoutMs), now - s.lastSend) <= 0) {
        st.send({ type: 'zk.request', conn: s.conn, sessionId: s.sessionId!, xid: PING_XID, op: { op: 'ping' } });
      }
      return;
    }
    case 'connecting':
      // connectTimeout = session timeout / number of servers (one here).
      if (now - s.connectStartedAt >= s.timeoutMs) lose(st, 'connection attempt timed out');
      else if (now >= s.resendAt) {
        st.send(connectMsg(s));
        s.resendGap *= 2;
        s.resendAt = now + s.resendGap;
      }
      return;
    case 'backoff':
      if (now >= s.backoffUntil) beginConnect(st);
      return;
    default:
      return;
  }
}

/** Sets the one timer at the next moment something can happen. */
function arm(st: Step): void {
  const s = st.s;
  const now = st.now;
  let want: number | null = null;
  const at = (t: number) => {
    if (want === null || t < want) want = t;
  };
  switch (s.phase) {
    case 'connected':
    case 'closing': {
      const rt = readTimeoutOf(s.timeoutMs);
      at(s.lastRecv + rt);
      if (s.phase === 'connected') at(now + Math.max(1, timeToNextPing(rt, now - s.lastSend)));
      break;
    }
    case 'connecting':
      at(s.connectStartedAt + s.timeoutMs);
      at(s.resendAt);
      break;
    case 'backoff':
      at(s.backoffUntil);
      break;
    default:
      break;
  }
  if (s.curatorMode && s.suspendedAt !== null && s.phase !== 'connected') at(s.suspendedAt + s.timeoutMs);
  if (want === null) {
    if (s.timer) st.ctx.cancelTimer(s.timer.id);
    s.timer = null;
    return;
  }
  if (s.timer && s.timer.at === want) return;
  if (s.timer) st.ctx.cancelTimer(s.timer.id);
  s.timer = { at: want, id: st.ctx.setTimer(Math.max(0, want - now), TICK) };
}

/** Starts the first connection (no backoff before it). */
export function zkClientStart(s: ZkClientState, ctx: Ctx): ZkStep {
  const st = new Step(zkClientInit({ server: s.server, sessionTimeoutMs: s.requestedMs, curator: s.curatorMode }), ctx);
  beginConnect(st);
  return st.done();
}

function addWatch(s: ZkClientState, kind: WatchKind, path: string): void {
  if (s.watches[kind].includes(path)) return;
  const list = [...s.watches[kind], path];
  s.watches = { ...s.watches, [kind]: list };
  s.watchMax = { ...s.watchMax, [kind]: Math.max(s.watchMax[kind], list.length) };
}

function dropWatch(s: ZkClientState, kind: WatchKind, path: string): boolean {
  if (!s.watches[kind].includes(path)) return false;
  s.watches = { ...s.watches, [kind]: s.watches[kind].filter((p) => p !== path) };
  return true;
}

/** Whether this client holds a watch of that removal type on the path (checked before asking the server). */
function holdsWatch(s: ZkClientState, path: string, type: 'data' | 'children' | 'any'): boolean {
  const has = (k: WatchKind) => s.watches[k].includes(path);
  if (type === 'children') return has('child');
  if (type === 'data') return has('data') || has('exist');
  return WATCH_KINDS.some(has);
}

function localError(op: ZkOp): ZkErrorCode | null {
  if ('path' in op && op.op !== 'sync') {
    const p = op.op === 'create' && op.sequential ? `${op.path}1` : op.path;
    if (!validPath(p)) return 'BadArguments';
  }
  if (op.op === 'create' && op.kind === 'ttl' && !(typeof op.ttl === 'number' && op.ttl > 0 && op.ttl <= MAX_TTL)) return 'BadArguments';
  return null;
}

/**
 * Submits a request. Sent at once when connected, queued while (re)connecting; answered at once
 * with an error when the path is invalid, when there is no such watch to remove, or when the
 * session is over. The reply comes back as a `reply` output carrying `tag`.
 */
export function zkSubmit(s0: ZkClientState, op: ZkOp, tag: unknown, ctx: Ctx): ZkStep & { xid: number } {
  const st = new Step(s0, ctx);
  const s = st.s;
  const xid = s.nextXid;
  s.nextXid += 1;
  const p: ZkPending = { xid, op, tag, sentAt: st.now };
  const immediate = (err: ZkErrorCode) => st.out.push({ kind: 'reply', xid, tag, op, result: { ok: false, err }, zxid: -1 });
  const local = localError(op);
  if (local) immediate(local);
  else if (op.op === 'removeWatches' && !holdsWatch(s, op.path, op.type)) immediate('NoWatcher');
  else if (s.phase === 'expired' || s.phase === 'closed' || s.phase === 'closing' || s.phase === 'idle') immediate('SessionExpired');
  else if (s.phase === 'connected') {
    s.pending = [...s.pending, p];
    st.request(p);
  } else s.queued = [...s.queued, p];
  evaluate(st);
  return { ...st.done(), xid };
}

/** Closes the session (closeSession): the server deletes its ephemerals at once. */
export function zkClientClose(s0: ZkClientState, ctx: Ctx): ZkStep {
  const st = new Step(s0, ctx);
  const s = st.s;
  if (s.phase === 'connected') {
    const xid = s.nextXid;
    s.nextXid += 1;
    const p: ZkPending = { xid, op: { op: 'closeSession' }, tag: null, sentAt: st.now };
    s.pending = [...s.pending, p];
    st.request(p);
    s.phase = 'closing';
  } else if (s.phase !== 'closed') {
    st.failAll('ConnectionLoss');
    s.phase = 'closed';
    st.keeper('Closed', 'closed by the application');
  }
  return st.done();
}

/** Which registrations an event consumes, and whether any matched (ZKWatchManager.materialize). */
function materialize(s: ZkClientState, ev: ZkWatchEvent): boolean {
  let hit = false;
  const take = (k: WatchKind) => {
    if (dropWatch(s, k, ev.path)) hit = true;
  };
  switch (ev.type) {
    case 'NodeCreated':
    case 'NodeDataChanged':
      take('data');
      take('exist');
      break;
    case 'NodeChildrenChanged':
      take('child');
      break;
    case 'NodeDeleted':
      take('data');
      take('exist');
      take('child');
      break;
    default:
      break;
  }
  if (s.watches.persistent.includes(ev.path)) hit = true;
  if (ev.type !== 'NodeChildrenChanged' && selfAndAncestors(ev.path).some((p) => s.watches.recursive.includes(p))) hit = true;
  return hit;
}

function register(s: ZkClientState, op: ZkOp, r: ZkResult): void {
  if (!r.ok) return;
  if (op.op === 'exists' && op.watch) addWatch(s, r.stat ? 'data' : 'exist', op.path);
  else if (op.op === 'getData' && op.watch) addWatch(s, 'data', op.path);
  else if (op.op === 'getChildren' && op.watch) addWatch(s, 'child', op.path);
  else if (op.op === 'addWatch') addWatch(s, op.mode === 'recursive' ? 'recursive' : 'persistent', op.path);
}

/** Local removal after the server agreed; raises the *WatchRemoved events. */
function unregister(st: Step, path: string, type: 'data' | 'children' | 'any'): void {
  const s = st.s;
  const ev = (t: ZkWatchEvent['type']) => st.out.push({ kind: 'event', event: { type: t, path } });
  if (type !== 'data' && dropWatch(s, 'child', path)) ev('ChildWatchRemoved');
  if (type !== 'children') {
    const d = dropWatch(s, 'data', path);
    const e = dropWatch(s, 'exist', path);
    if (d || e) ev('DataWatchRemoved');
  }
  if (type === 'any') {
    const p = dropWatch(s, 'persistent', path);
    const r = dropWatch(s, 'recursive', path);
    if (p || r) ev('PersistentWatchRemoved');
  }
}

/**
 * Handles a message for this client. Returns null when it is not a ZooKeeper message from its
 * server, so the host can handle it itself.
 */
export function zkClientOnMessage(s0: ZkClientState, msg: Msg, from: string, ctx: Ctx): ZkStep | null {
  if (from !== s0.server || !msg.type.startsWith('zk.')) return null;
  const m = msg as ZkMsg;
  const st = new Step(s0, ctx);
  const s = st.s;
  if (!('conn' in m) || m.conn !== s.conn || (s.phase !== 'connected' && s.phase !== 'connecting' && s.phase !== 'closing')) {
    return st.done(); // a closed connection's leftovers
  }
  s.lastRecv = st.now;
  switch (m.type) {
    case 'zk.connected': {
      if (s.phase !== 'connecting') break;
      if (m.timeoutMs <= 0) {
        expire(st, 'the server says the session has expired');
        break;
      }
      s.phase = 'connected';
      s.sessionId = m.sessionId;
      s.timeoutMs = m.timeoutMs;
      s.suspendedAt = null;
      primeConnection(st);
      st.keeper('SyncConnected', 'connected');
      st.curator(s.everConnected ? 'RECONNECTED' : 'CONNECTED', 'connected');
      s.everConnected = true;
      break;
    }
    case 'zk.reply': {
      if (m.xid === PING_XID || m.xid === SET_WATCHES_XID) break;
      const i = s.pending.findIndex((p) => p.xid === m.xid);
      if (i < 0) break;
      const p = s.pending[i];
      s.pending = s.pending.filter((_, j) => j !== i);
      if (m.zxid > 0) s.lastZxid = m.zxid;
      register(s, p.op, m.result);
      if (p.op.op === 'removeWatches' && m.result.ok) unregister(st, p.op.path, p.op.type);
      st.out.push({ kind: 'reply', xid: p.xid, tag: p.tag, op: p.op, result: m.result, zxid: m.zxid });
      if (p.op.op === 'closeSession') {
        s.phase = 'closed';
        s.conn += 1;
        st.keeper('Closed', 'session closed');
      }
      break;
    }
    case 'zk.watch': {
      if (materialize(s, m.event)) {
        st.out.push({ kind: 'event', event: m.event });
        ctx.trace('zk.client.event', { session: s.sessionId, event: m.event.type, path: m.event.path });
      }
      break;
    }
    case 'zk.closed':
      lose(st, `the server closed the connection (${m.reason})`);
      break;
    default:
      break;
  }
  evaluate(st);
  return st.done();
}

/** Handles the library's own timer; null when the payload is not one of its timers. */
export function zkClientOnTimer(s0: ZkClientState, payload: unknown, ctx: Ctx): ZkStep | null {
  if (!isZkClientTimer(payload)) return null;
  const st = new Step({ ...s0, timer: null }, ctx);
  evaluate(st);
  return st.done();
}

/**
 * The connection broke under the client (a reset socket, a proxy that dropped it): handled as a
 * failed read, so Disconnected now and a reconnect after the usual backoff.
 */
export function zkClientConnectionLost(s0: ZkClientState, ctx: Ctx, reason: string): ZkStep {
  const st = new Step(s0, ctx);
  if (st.s.phase === 'connected' || st.s.phase === 'connecting' || st.s.phase === 'closing') lose(st, reason);
  return st.done();
}

/**
 * The host's clock was stepped or its drift changed: re-aim the library's timer. Hosts call this
 * from their model's onClockChange.
 */
export function zkClientOnClockChange(s0: ZkClientState, ctx: Ctx): ZkStep {
  if (s0.timer) ctx.cancelTimer(s0.timer.id);
  const st = new Step({ ...s0, timer: null }, ctx);
  evaluate(st);
  return st.done();
}

/** Whether requests can be sent now. */
export function zkConnected(s: ZkClientState): boolean {
  return s.phase === 'connected';
}

/** A short phrase for the library's timer. */
export function describeZkClientTimer(payload: unknown): string | undefined {
  return isZkClientTimer(payload) ? 'ZooKeeper client check (ping / timeouts)' : undefined;
}

/** One line for the library's trace events, for hosts' narrate(). */
export function narrateZkClient(ev: TraceEvent, name: (id: string) => string): string | undefined {
  if (ev.type === 'zk.client.state') {
    const cur = ev.curator ? ` [${ev.curator}]` : '';
    return `${name(ev.node)}'s ZooKeeper client: ${ev.keeper}${cur}: ${ev.reason}`;
  }
  if (ev.type === 'zk.client.event') return `${name(ev.node)} gets watch event ${ev.event} ${ev.path}`;
  return undefined;
}
