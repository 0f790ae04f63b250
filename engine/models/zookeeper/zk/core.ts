import { javaClonedOrder } from './javahash';
import type { ZkErrorCode, ZkEventType, ZkNodeKind, ZkOp, ZkResult, ZkStat, ZkWatchEvent } from './types';

/**
 * The ZooKeeper 3.8 server as pure functions over plain data: sessions, the znode tree and the
 * watch tables. The node handler (model.ts) and the conformance runner both drive it; neither
 * the clock nor the network lives here, `now` is always passed in.
 *
 * Behaviour follows the real server where a client can see it (measured against 3.8.0):
 * - every write is a transaction with its own zxid, even one that fails (NodeExists, BadVersion…);
 *   createSession and closeSession are transactions too;
 * - a parent's sequential suffix is its count of child creations; the cversion a client sees is
 *   2 × creations − numChildren, so deletions show in cversion but never in the suffix;
 * - sessions expire in tick buckets: a touch at t moves the session to the bucket
 *   (floor((t + timeout) / tick) + 1) × tick;
 * - the watch tables are per server "manager" (data and child), with one mode per (session, path)
 *   in each: in 3.8 the last watch set wins, so a one-shot watch set after a persistent one on
 *   the same path makes it one-shot again (fixed only in 3.9).
 */

/** A znode as the server keeps it. */
export interface Znode {
  data: string;
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  aversion: number;
  /** Child creations so far: the server's internal cversion and the sequential-suffix counter. */
  creates: number;
  kind: ZkNodeKind;
  /** Owning session of an ephemeral, else null. */
  owner: string | null;
  /** Time to live in ms of a TTL node, else 0. */
  ttl: number;
  /** Child names, sorted. */
  children: string[];
}

export type WatchMode = 'standard' | 'persistent' | 'recursive';

/** A watch a session holds on a path in one watch manager. */
export interface WatchEntry {
  session: string;
  mode: WatchMode;
}

/** path -> watches, for one manager (data or child). */
export type WatchTable = Record<string, WatchEntry[]>;

export interface ZkSession {
  id: string;
  timeoutMs: number;
  /** The tick bucket the session expires at unless touched before (server ms). */
  expireAt: number;
  /** Node id the current connection comes from, or null when none is open. */
  client: string | null;
  /** The current connection's number, chosen by the client; null when none is open. */
  conn: number | null;
  /** Paths of its ephemerals, in creation order (the server keeps them in a Java HashSet). */
  ephemerals: string[];
  /** The most ephemerals it ever held at once (a HashSet's table never shrinks). */
  ephMax: number;
}

export interface ZkServerState {
  serverId: number;
  tickTime: number;
  minSessionTimeout: number;
  maxSessionTimeout: number;
  /** Whether TTL nodes are allowed (`zookeeper.extendedTypesEnabled`). */
  extendedTypes: boolean;
  /** High 32 bits of every zxid; an ensemble bumps it at each new leader. */
  epoch: number;
  /** Low 32 bits of the last zxid handed out. */
  counter: number;
  nextSession: number;
  nodes: Record<string, Znode>;
  sessions: Record<string, ZkSession>;
  dataWatches: WatchTable;
  childWatches: WatchTable;
  /** Paths of container and TTL nodes, in creation order, for the container manager. */
  containers: string[];
  ttls: string[];
}

/** A watch notification the server sends to a session. */
export interface ZkNotification {
  session: string;
  event: ZkWatchEvent;
  zxid: number;
}

/** The outcome of a request: the next state, the reply, and the notifications it causes. */
export interface ZkExecResult {
  state: ZkServerState;
  result: ZkResult;
  /** Zxid of the reply header: the transaction's own, or the last one for a read. */
  zxid: number;
  notes: ZkNotification[];
  /** Ephemerals deleted by a closeSession, in deletion order. */
  deleted?: string[];
}

export interface ZkServerOptions {
  serverId?: number;
  tickTime: number;
  /** Defaults to 2 × tickTime. */
  minSessionTimeout?: number;
  /** Defaults to 20 × tickTime. */
  maxSessionTimeout?: number;
  extendedTypes?: boolean;
  epoch?: number;
}

/** Largest TTL the server accepts (EphemeralType.TTL's 40-bit value). */
export const MAX_TTL = 0xff_ffff_ffff;

const ZXID_SHIFT = 2 ** 32;

function sysNode(children: string[]): Znode {
  return {
    data: '',
    czxid: 0,
    mzxid: 0,
    pzxid: 0,
    ctime: 0,
    mtime: 0,
    version: 0,
    aversion: 0,
    creates: 0,
    kind: 'persistent',
    owner: null,
    ttl: 0,
    children,
  };
}

/** A fresh server: the root and the /zookeeper system nodes, as a new data directory has them. */
export function initServer(o: ZkServerOptions): ZkServerState {
  return {
    serverId: o.serverId ?? 0,
    tickTime: o.tickTime,
    minSessionTimeout: o.minSessionTimeout ?? 2 * o.tickTime,
    maxSessionTimeout: o.maxSessionTimeout ?? 20 * o.tickTime,
    extendedTypes: o.extendedTypes ?? false,
    epoch: o.epoch ?? 0,
    counter: 0,
    nextSession: 0,
    // The system nodes are made without counting as creations, which is why a fresh root
    // reports cversion -1 and /zookeeper -2.
    nodes: {
      '/': sysNode(['zookeeper']),
      '/zookeeper': sysNode(['config', 'quota']),
      '/zookeeper/config': sysNode([]),
      '/zookeeper/quota': sysNode([]),
    },
    sessions: {},
    dataWatches: {},
    childWatches: {},
    containers: [],
    ttls: [],
  };
}

/** A zxid from its parts: epoch in the high 32 bits, counter in the low 32. */
export function makeZxid(epoch: number, counter: number): number {
  return epoch * ZXID_SHIFT + counter;
}

/** The last zxid the server handed out. */
export function lastZxid(s: ZkServerState): number {
  return makeZxid(s.epoch, s.counter);
}

/** Epoch and counter of a zxid, for display ("0x100000003" -> epoch 1, counter 3). */
export function splitZxid(zxid: number): { epoch: number; counter: number } {
  return { epoch: Math.floor(zxid / ZXID_SHIFT), counter: zxid % ZXID_SHIFT };
}

/** A zxid as ZooKeeper prints it: 0x followed by hex. */
export function formatZxid(zxid: number): string {
  return `0x${zxid.toString(16)}`;
}

/** The session timeout the server grants: the request clamped to [min, max] (by default 2–20 ticks). */
export function negotiateTimeout(s: Pick<ZkServerState, 'minSessionTimeout' | 'maxSessionTimeout'>, requestedMs: number): number {
  return Math.min(s.maxSessionTimeout, Math.max(s.minSessionTimeout, Math.floor(requestedMs)));
}

/** The expiry bucket for a deadline: the next multiple of tickTime strictly after it. */
export function expiryBucket(tickTime: number, deadline: number): number {
  return (Math.floor(deadline / tickTime) + 1) * tickTime;
}

/** Validates a path the way PathUtils.validatePath does (the cases a script can reach). */
export function validPath(path: string): boolean {
  if (typeof path !== 'string' || path.length === 0 || path[0] !== '/') return false;
  if (path === '/') return true;
  if (path.endsWith('/')) return false;
  for (const part of path.slice(1).split('/')) {
    if (part === '' || part === '.' || part === '..') return false;
  }
  return !/[\u0000-\u001f\u007f-\u009f\ud800-\uf8ff\ufff0-\uffff]/.test(path);
}

/** Parent path of a non-root path. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path itself, then each ancestor up to the root. */
export function selfAndAncestors(path: string): string[] {
  const out = [path];
  let p = path;
  while (p !== '/') {
    p = parentOf(p);
    out.push(p);
  }
  return out;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The stat a client sees for a znode. */
export function statOf(n: Znode): ZkStat {
  return {
    czxid: n.czxid,
    mzxid: n.mzxid,
    pzxid: n.pzxid,
    ctime: n.ctime,
    mtime: n.mtime,
    version: n.version,
    cversion: n.creates * 2 - n.children.length,
    aversion: n.aversion,
    // Containers and TTL nodes keep a marker in ephemeralOwner, but clients are shown 0.
    ephemeralOwner: n.kind === 'ephemeral' && n.owner !== null ? n.owner : '0x0',
    dataLength: utf8Length(n.data),
    numChildren: n.children.length,
  };
}

function sortedInsert(list: readonly string[], name: string): string[] {
  const out = [...list, name];
  out.sort();
  return out;
}

/**
 * A working copy for one step: records are copied on first write, so the state given to a
 * function is never changed and untouched parts stay shared with it.
 */
class Work {
  s: ZkServerState;
  readonly notes: ZkNotification[] = [];
  private copied = new Set<string>();

  constructor(s: ZkServerState) {
    this.s = { ...s };
  }

  private own<K extends 'nodes' | 'sessions' | 'dataWatches' | 'childWatches'>(k: K): ZkServerState[K] {
    if (!this.copied.has(k)) {
      this.s[k] = { ...this.s[k] } as ZkServerState[K];
      this.copied.add(k);
    }
    return this.s[k];
  }

  node(path: string): Znode | undefined {
    return Object.prototype.hasOwnProperty.call(this.s.nodes, path) ? this.s.nodes[path] : undefined;
  }

  setNode(path: string, n: Znode | undefined): void {
    const nodes = this.own('nodes');
    if (n === undefined) delete nodes[path];
    else nodes[path] = n;
  }

  session(id: string): ZkSession | undefined {
    return Object.prototype.hasOwnProperty.call(this.s.sessions, id) ? this.s.sessions[id] : undefined;
  }

  setSession(id: string, v: ZkSession | undefined): void {
    const sessions = this.own('sessions');
    if (v === undefined) delete sessions[id];
    else sessions[id] = v;
  }

  nextZxid(): number {
    this.s.counter += 1;
    return lastZxid(this.s);
  }

  table(which: 'data' | 'child'): WatchTable {
    return this.own(which === 'data' ? 'dataWatches' : 'childWatches');
  }

  addWatch(which: 'data' | 'child', path: string, session: string, mode: WatchMode): void {
    const t = this.table(which);
    const list = t[path] ?? [];
    const i = list.findIndex((e) => e.session === session);
    // One mode per (watcher, path): the last one set replaces the earlier one.
    t[path] = i < 0 ? [...list, { session, mode }] : list.map((e, j) => (j === i ? { session, mode } : e));
  }

  /** Removes a session's watch on a path in one manager; true if it had one. */
  removeWatch(which: 'data' | 'child', path: string, session: string): boolean {
    const t = this.table(which);
    const list = t[path];
    if (!list || !list.some((e) => e.session === session)) return false;
    const rest = list.filter((e) => e.session !== session);
    if (rest.length === 0) delete t[path];
    else t[path] = rest;
    return true;
  }

  /** Drops every watch a session holds (its connection closed or it ended). */
  dropWatches(session: string): void {
    for (const which of ['data', 'child'] as const) {
      const cur = which === 'data' ? this.s.dataWatches : this.s.childWatches;
      const paths = Object.keys(cur).filter((p) => cur[p].some((e) => e.session === session));
      for (const p of paths) this.removeWatch(which, p, session);
    }
  }

  /**
   * WatchManager.triggerWatch: every watch on the path, and recursive watches on its ancestors
   * (except for NodeChildrenChanged), fire once per session; one-shot ones are removed.
   * Sessions in `suppress` already heard about this change and are not told again.
   */
  trigger(which: 'data' | 'child', path: string, type: ZkEventType, zxid: number, suppress?: Set<string>): Set<string> {
    const fired = new Set<string>();
    const cur = which === 'data' ? this.s.dataWatches : this.s.childWatches;
    for (const p of selfAndAncestors(path)) {
      const list = cur[p];
      if (!list) continue;
      const keep: WatchEntry[] = [];
      for (const e of list) {
        if (e.mode === 'recursive') {
          if (type !== 'NodeChildrenChanged') fired.add(e.session);
          keep.push(e);
        } else if (p === path) {
          fired.add(e.session);
          if (e.mode === 'persistent') keep.push(e);
        } else keep.push(e);
      }
      if (keep.length !== list.length) {
        const t = this.table(which);
        if (keep.length === 0) delete t[p];
        else t[p] = keep;
      }
    }
    for (const session of fired) {
      if (!suppress?.has(session)) this.notes.push({ session, event: { type, path }, zxid });
    }
    return fired;
  }

  /** Applies a delete that has passed its checks (DataTree.deleteNode). */
  deleteNode(path: string, zxid: number): void {
    const n = this.node(path)!;
    const pp = parentOf(path);
    const parent = this.node(pp)!;
    this.setNode(pp, {
      ...parent,
      children: parent.children.filter((c) => c !== nameOf(path)),
      pzxid: zxid > parent.pzxid ? zxid : parent.pzxid,
    });
    this.setNode(path, undefined);
    if (n.kind === 'container') this.s.containers = this.s.containers.filter((p) => p !== path);
    else if (n.kind === 'ttl') this.s.ttls = this.s.ttls.filter((p) => p !== path);
    else if (n.kind === 'ephemeral' && n.owner !== null) {
      const sess = this.session(n.owner);
      if (sess) this.setSession(n.owner, { ...sess, ephemerals: sess.ephemerals.filter((p) => p !== path) });
    }
    const told = this.trigger('data', path, 'NodeDeleted', zxid);
    this.trigger('child', path, 'NodeDeleted', zxid, told);
    this.trigger('child', pp, 'NodeChildrenChanged', zxid);
  }

  done(result: ZkResult, zxid: number, deleted?: string[]): ZkExecResult {
    return { state: this.s, result, zxid, notes: this.notes, deleted };
  }
}

const fail = (err: ZkErrorCode): ZkResult => ({ ok: false, err });

function isSystemPath(path: string): boolean {
  return path === '/' || path === '/zookeeper' || path.startsWith('/zookeeper/');
}

/** Opens a new session for a client connection (a createSession transaction). */
export function openSession(
  s: ZkServerState,
  now: number,
  requestedMs: number,
  client: string,
  conn: number,
): { state: ZkServerState; session: ZkSession; zxid: number } {
  const w = new Work(s);
  const zxid = w.nextZxid();
  const seq = s.nextSession;
  w.s.nextSession = seq + 1;
  // Like a real id: the server id in the top byte, then a counter.
  const id = `0x${(s.serverId + 1).toString(16)}${seq.toString(16).padStart(14, '0')}`;
  const timeoutMs = negotiateTimeout(s, requestedMs);
  const session: ZkSession = {
    id,
    timeoutMs,
    expireAt: expiryBucket(s.tickTime, now + timeoutMs),
    client,
    conn,
    ephemerals: [],
    ephMax: 0,
  };
  w.setSession(id, session);
  return { state: w.s, session, zxid };
}

/** Whether a session is alive at `now` (a session past its bucket is as good as expired). */
export function sessionAlive(s: ZkServerState, id: string, now: number): boolean {
  const sess = Object.prototype.hasOwnProperty.call(s.sessions, id) ? s.sessions[id] : undefined;
  return sess !== undefined && sess.expireAt > now;
}

/**
 * A client reconnects to an existing session on a new connection. The old connection is gone,
 * and its watches with it (the client sends SetWatches to restore them). Returns null when the
 * session has expired: the server then answers with timeout 0 and the client sees Expired.
 */
export function resumeSession(s: ZkServerState, now: number, id: string, client: string, conn: number): ZkServerState | null {
  if (!sessionAlive(s, id, now)) return null;
  const w = new Work(s);
  w.dropWatches(id);
  const sess = w.session(id)!;
  w.setSession(id, { ...sess, client, conn, expireAt: expiryBucket(s.tickTime, now + sess.timeoutMs) });
  return w.s;
}

/** A request or ping arrived on the session: push its expiry to a later bucket. */
export function touchSession(s: ZkServerState, now: number, id: string): ZkServerState {
  const sess = s.sessions[id];
  if (!sess) return s;
  const expireAt = expiryBucket(s.tickTime, now + sess.timeoutMs);
  if (expireAt === sess.expireAt) return s;
  return { ...s, sessions: { ...s.sessions, [id]: { ...sess, expireAt } } };
}

/** The session's connection closed (either end): its watches go, the session lives on until it times out. */
export function dropConnection(s: ZkServerState, id: string, conn: number): ZkServerState {
  const sess = s.sessions[id];
  if (!sess || sess.conn !== conn) return s;
  const w = new Work(s);
  w.dropWatches(id);
  w.setSession(id, { ...w.session(id)!, client: null, conn: null });
  return w.s;
}

function closeIn(w: Work, id: string): { zxid: number; deleted: string[] } {
  const zxid = w.nextZxid();
  const sess = w.session(id);
  if (!sess) return { zxid, deleted: [] };
  // PrepRequestProcessor lists the ephemerals from a clone of the session's HashSet.
  const order = javaClonedOrder(sess.ephemerals, sess.ephMax);
  for (const path of order) if (w.node(path)) w.deleteNode(path, zxid);
  w.dropWatches(id);
  w.setSession(id, undefined);
  return { zxid, deleted: order };
}

/** Ends a session (closeSession transaction): its ephemerals are deleted and their watches fire. */
export function closeSession(s: ZkServerState, id: string): ZkExecResult {
  const w = new Work(s);
  const { zxid, deleted } = closeIn(w, id);
  return w.done({ ok: true }, zxid, deleted);
}

/** Earliest expiry bucket of any session, or null when there are none. */
export function nextExpiry(s: ZkServerState): number | null {
  let min: number | null = null;
  for (const id in s.sessions) {
    const e = s.sessions[id].expireAt;
    if (min === null || e < min) min = e;
  }
  return min;
}

/** Expires every session whose bucket is due at `now`, oldest session first. */
export function expireSessions(
  s: ZkServerState,
  now: number,
): { state: ZkServerState; expired: { session: string; zxid: number; deleted: string[]; client: string | null; conn: number | null }[]; notes: ZkNotification[] } {
  const due = Object.values(s.sessions).filter((x) => x.expireAt <= now);
  if (due.length === 0) return { state: s, expired: [], notes: [] };
  const w = new Work(s);
  const expired = due.map((sess) => ({ session: sess.id, client: sess.client, conn: sess.conn, ...closeIn(w, sess.id) }));
  return { state: w.s, expired, notes: w.notes };
}

function createIn(w: Work, now: number, session: string, op: Extract<ZkOp, { op: 'create' }>, zxid: number): ZkResult {
  const seq = op.sequential === true;
  if (!validPath(seq ? `${op.path}1` : op.path)) return fail('BadArguments');
  if (op.kind === 'ttl' && (!w.s.extendedTypes || !(typeof op.ttl === 'number' && op.ttl > 0 && op.ttl <= MAX_TTL))) {
    return fail(w.s.extendedTypes ? 'BadArguments' : 'Unimplemented');
  }
  if (op.path === '/') return fail('NodeExists');
  const pp = parentOf(op.path);
  const parent = w.node(pp);
  if (!parent) return fail('NoNode');
  const path = seq ? `${op.path}${String(parent.creates).padStart(10, '0')}` : op.path;
  if (w.node(path)) return fail('NodeExists');
  if (parent.kind === 'ephemeral') return fail('NoChildrenForEphemerals');
  const node: Znode = {
    data: op.data,
    czxid: zxid,
    mzxid: zxid,
    pzxid: zxid,
    ctime: now,
    mtime: now,
    version: 0,
    aversion: 0,
    creates: 0,
    kind: op.kind,
    owner: op.kind === 'ephemeral' ? session : null,
    ttl: op.kind === 'ttl' ? op.ttl! : 0,
    children: [],
  };
  w.setNode(pp, { ...parent, creates: parent.creates + 1, pzxid: zxid, children: sortedInsert(parent.children, nameOf(path)) });
  w.setNode(path, node);
  if (op.kind === 'ephemeral') {
    const sess = w.session(session);
    if (sess) {
      const ephemerals = [...sess.ephemerals, path];
      w.setSession(session, { ...sess, ephemerals, ephMax: Math.max(sess.ephMax, ephemerals.length) });
    }
  } else if (op.kind === 'container') w.s.containers = [...w.s.containers, path];
  else if (op.kind === 'ttl') w.s.ttls = [...w.s.ttls, path];
  w.trigger('data', path, 'NodeCreated', zxid);
  w.trigger('child', pp, 'NodeChildrenChanged', zxid);
  return { ok: true, path, stat: statOf(node) };
}

function versionOk(expected: number, actual: number): boolean {
  return expected === -1 || expected === actual;
}

/**
 * Runs one request from `session` at server time `now`. The caller has checked that the
 * session is alive and touched it. Writes get the next zxid whether or not they succeed.
 */
export function exec(s: ZkServerState, now: number, session: string, op: ZkOp): ZkExecResult {
  const w = new Work(s);
  switch (op.op) {
    case 'create': {
      const zxid = w.nextZxid();
      return w.done(createIn(w, now, session, op, zxid), zxid);
    }
    case 'delete': {
      const zxid = w.nextZxid();
      if (!validPath(op.path) || isSystemPath(op.path)) return w.done(fail('BadArguments'), zxid);
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), zxid);
      if (!versionOk(op.version, n.version)) return w.done(fail('BadVersion'), zxid);
      if (n.children.length > 0) return w.done(fail('NotEmpty'), zxid);
      w.deleteNode(op.path, zxid);
      return w.done({ ok: true }, zxid);
    }
    case 'setData': {
      const zxid = w.nextZxid();
      if (!validPath(op.path)) return w.done(fail('BadArguments'), zxid);
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), zxid);
      if (!versionOk(op.version, n.version)) return w.done(fail('BadVersion'), zxid);
      const next: Znode = { ...n, data: op.data, version: n.version + 1, mzxid: zxid, mtime: now };
      w.setNode(op.path, next);
      w.trigger('data', op.path, 'NodeDataChanged', zxid);
      return w.done({ ok: true, stat: statOf(next) }, zxid);
    }
    case 'closeSession': {
      const { zxid, deleted } = closeIn(w, session);
      return w.done({ ok: true }, zxid, deleted);
    }
    default:
      return read(w, session, op);
  }
}

function read(w: Work, session: string, op: Exclude<ZkOp, { op: 'create' | 'delete' | 'setData' | 'closeSession' }>): ZkExecResult {
  const z = lastZxid(w.s);
  switch (op.op) {
    case 'getData': {
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), z);
      if (op.watch) w.addWatch('data', op.path, session, 'standard');
      return w.done({ ok: true, data: n.data, stat: statOf(n) }, z);
    }
    case 'exists': {
      // The watch is set before the lookup, so it is set on a missing node too.
      if (op.watch) w.addWatch('data', op.path, session, 'standard');
      const n = w.node(op.path);
      return w.done({ ok: true, stat: n ? statOf(n) : null }, z);
    }
    case 'getChildren': {
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), z);
      if (op.watch) w.addWatch('child', op.path, session, 'standard');
      return w.done({ ok: true, children: [...n.children], stat: statOf(n) }, z);
    }
    case 'addWatch': {
      if (!validPath(op.path)) return w.done(fail('BadArguments'), z);
      w.addWatch('data', op.path, session, op.mode);
      if (op.mode === 'persistent') w.addWatch('child', op.path, session, 'persistent');
      return w.done({ ok: true }, z);
    }
    case 'removeWatches': {
      let removed = false;
      if (op.type !== 'data' && w.removeWatch('child', op.path, session)) removed = true;
      if (op.type !== 'children' && w.removeWatch('data', op.path, session)) removed = true;
      return w.done(removed ? { ok: true } : fail('NoWatcher'), z);
    }
    case 'setWatches':
      setWatches(w, session, op);
      return w.done({ ok: true }, z);
    case 'sync':
      return w.done({ ok: true, path: op.path }, z);
    case 'ping':
      return w.done({ ok: true }, z);
  }
}

/**
 * DataTree.setWatches: a reconnecting client lists the watches it holds and the last zxid it
 * saw; what changed meanwhile fires at once, the rest is registered again.
 */
function setWatches(w: Work, session: string, op: Extract<ZkOp, { op: 'setWatches' }>): void {
  const note = (type: ZkEventType, path: string) => w.notes.push({ session, event: { type, path }, zxid: -1 });
  for (const path of op.data) {
    const n = w.node(path);
    if (!n) note('NodeDeleted', path);
    else if (n.mzxid > op.relativeZxid) note('NodeDataChanged', path);
    else w.addWatch('data', path, session, 'standard');
  }
  for (const path of op.exist) {
    if (w.node(path)) note('NodeCreated', path);
    else w.addWatch('data', path, session, 'standard');
  }
  for (const path of op.child) {
    const n = w.node(path);
    if (!n) note('NodeDeleted', path);
    else if (n.pzxid > op.relativeZxid) note('NodeChildrenChanged', path);
    else w.addWatch('child', path, session, 'standard');
  }
  for (const path of op.persistent) {
    w.addWatch('child', path, session, 'persistent');
    w.addWatch('data', path, session, 'persistent');
  }
  for (const path of op.recursive) w.addWatch('data', path, session, 'recursive');
}

/** Whether the container manager would delete this node at time `now`. */
function containerCandidate(n: Znode | undefined, now: number): boolean {
  if (!n || n.children.length > 0) return false;
  if (n.kind === 'container') return n.creates > 0;
  if (n.kind === 'ttl') return now - n.mtime > n.ttl;
  return false;
}

/**
 * Earliest server time at which the container manager has something to delete, if the tree
 * stays as it is: now for an emptied container, just after mtime + ttl for a TTL node.
 */
export function nextContainerWork(s: ZkServerState): number | null {
  let min: number | null = null;
  const consider = (t: number) => {
    if (min === null || t < min) min = t;
  };
  for (const p of s.containers) {
    const n = s.nodes[p];
    if (n && n.children.length === 0 && n.creates > 0) consider(-Infinity);
  }
  for (const p of s.ttls) {
    const n = s.nodes[p];
    if (n && n.children.length === 0) consider(n.mtime + n.ttl);
  }
  return min;
}

/**
 * One run of the ContainerManager: deletes emptied containers (that once had a child) and
 * childless TTL nodes unchanged for longer than their TTL. Each delete is a transaction.
 */
export function containerCheck(s: ZkServerState, now: number): { state: ZkServerState; deleted: { path: string; zxid: number; kind: ZkNodeKind }[]; notes: ZkNotification[] } {
  const candidates = [...s.containers, ...s.ttls].filter((p) => containerCandidate(s.nodes[p], now));
  if (candidates.length === 0) return { state: s, deleted: [], notes: [] };
  const w = new Work(s);
  const deleted: { path: string; zxid: number; kind: ZkNodeKind }[] = [];
  for (const path of candidates) {
    const zxid = w.nextZxid();
    const n = w.node(path);
    if (!n || n.children.length > 0) continue;
    w.deleteNode(path, zxid);
    deleted.push({ path, zxid, kind: n.kind });
  }
  return { state: w.s, deleted, notes: w.notes };
}

/** Looks up a znode (for views and tests). */
export function getNode(s: ZkServerState, path: string): Znode | undefined {
  return Object.prototype.hasOwnProperty.call(s.nodes, path) ? s.nodes[path] : undefined;
}

/** Every watch a session holds on the server, for views and tests. */
export function watchesOf(s: ZkServerState, session: string): { manager: 'data' | 'child'; path: string; mode: WatchMode }[] {
  const out: { manager: 'data' | 'child'; path: string; mode: WatchMode }[] = [];
  for (const [manager, t] of [['data', s.dataWatches], ['child', s.childWatches]] as const) {
    for (const path of Object.keys(t).sort()) {
      const e = t[path].find((x) => x.session === session);
      if (e) out.push({ manager, path, mode: e.mode });
    }
  }
  return out;
}
