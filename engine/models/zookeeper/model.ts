import { describeZkMessage, formatZxid, type ZkMsg } from '../../clients/zookeeper/messages';
import { monotonicNow } from '../../clients/zookeeper/time';
import type { ZkErrorCode, ZkEventType, ZkNodeKind, ZkOpName } from '../../clients/zookeeper/types';
import type { Msg } from '../../core/msg';
import { p } from '../../core/phrase';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import { type ZookeeperParams } from './params';
import { t } from './say';
import { containerCheck, nextContainerWork } from './zk/containers';
import { exec } from './zk/ops';
import { MAX_PACKET, requestBytes } from '../../clients/zookeeper/packet';
import { closeSession, dropConnection, expireSessions, expiryBucket, nextExpiry, openSession, resumeSession, touchSession } from './zk/sessions';
import { initServer, lastZxid, type ZkServerState } from './zk/state';
import type { Armed, ZookeeperState } from './node-state';

export type { ZookeeperState } from './node-state';
import { deliver, send, traceOutcome } from './outcome';
import { crashEnsemble, describeQuorumTimer, describeZabMessage, ensembleMessage, ensemblePeers, ensembleTimer, narrateQuorum, startEnsemble } from './quorum/ensemble';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'zk.session.open': { session: string; client: string; requestedMs: number; timeoutMs: number; zxid: number };
    'zk.session.resume': { session: string; client: string };
    'zk.session.rejected': { session: string; client: string; reason: 'expired' | 'behind' | 'no quorum' };
    'zk.session.closed': { session: string; zxid: number; deleted: string[] };
    'zk.session.expired': { session: string; zxid: number; deleted: string[] };
    'zk.create': { session: string; path: string; kind: ZkNodeKind; zxid: number };
    'zk.delete': { session: string | null; path: string; zxid: number; cause: 'request' | 'session' | 'container' | 'ttl' };
    'zk.setData': { session: string; path: string; version: number; zxid: number };
    'zk.error': { session: string; op: ZkOpName; path: string; err: ZkErrorCode; zxid: number | null };
    'zk.watch.set': { session: string; path: string; kind: 'data' | 'exists' | 'child' | 'persistent' | 'recursive' };
    'zk.watch.removed': { session: string; path: string; which: 'data' | 'children' | 'any' };
    'zk.watch.fired': { session: string; path: string; event: ZkEventType; zxid: number; delivered: boolean };
    /** A reconnected session's SetWatches: `watches` listed, of which `fired` changed meanwhile and fire at once. */
    'zk.watch.restored': { session: string; watches: number; fired: number };
    /** A request longer than jute.maxbuffer: the server closed its connection without reading it. */
    'zk.oversize': { session: string; bytes: number; limit: number };
  }
}


/** The server's two timers: the session expirer and the container manager. */
const TIMERS = timerOwner<{ expire: NoFields; containers: NoFields }>('zookeeper');

function initState(p: ZookeeperParams): ZookeeperState {
  return {
    core: initServer({
      tickTime: p.tickTime,
      minSessionTimeout: p.minSessionTimeout,
      maxSessionTimeout: p.maxSessionTimeout,
      extendedTypes: p.extendedTypes,
      serverId: p.serverId,
    }),
    containerCheckIntervalMs: p.containerCheckIntervalMs,
    startedAt: 0,
    expiryTimer: null,
    containerTimer: null,
    ens: { initLimit: p.initLimit, syncLimit: p.syncLimit, fsyncMs: p.fsyncMs, fsyncJitterMs: p.fsyncJitterMs },
    q: null,
  };
}

/** Keeps one timer aimed at `want` on the clock whose reading now is `now`. */
function rearm(cur: Armed | null, want: number | null, now: number, payload: unknown, ctx: Ctx): Armed | null {
  if (want === null) {
    if (cur) ctx.cancelTimer(cur.id);
    return null;
  }
  if (cur && cur.at === want) return cur;
  if (cur) ctx.cancelTimer(cur.id);
  return { at: want, id: ctx.setTimer(Math.max(0, want - now), payload) };
}

/**
 * Arms the two server timers, and only when they can do something: the session expirer for the
 * earliest bucket holding a session (the real one wakes every tick, but a tick with an empty
 * bucket changes nothing), and the container manager for the first check that finds work.
 */
function arm(s: ZookeeperState, ctx: Ctx): ZookeeperState {
  // Session deadlines are on the monotonic clock, container checks on the wall clock (as the
  // real server's java.util.Timer and TTL arithmetic are).
  const expiryTimer = rearm(s.expiryTimer, nextExpiry(s.core), monotonicNow(ctx), TIMERS.make('expire'), ctx);
  const work = nextContainerWork(s.core);
  let when: number | null = null;
  if (work !== null) {
    const i = s.containerCheckIntervalMs;
    // The first check strictly after both now and the moment the work becomes due.
    const after = Math.max(ctx.now, work);
    when = s.startedAt + (Math.floor((after - s.startedAt) / i) + 1) * i;
  }
  const containerTimer = rearm(s.containerTimer, when, ctx.now, TIMERS.make('containers'), ctx);
  if (expiryTimer === s.expiryTimer && containerTimer === s.containerTimer) return s;
  return { ...s, expiryTimer, containerTimer };
}

/** Expires the sessions whose bucket has come: their ephemerals go, their watchers hear it. */
function reap(s: ZookeeperState, ctx: Ctx): ZookeeperState {
  const r = expireSessions(s.core, monotonicNow(ctx));
  if (r.expired.length === 0) return s;
  for (const e of r.expired) {
    for (const path of e.deleted) ctx.trace('zk.delete', { session: e.session, path, zxid: e.zxid, cause: 'session' });
    ctx.trace('zk.session.expired', { session: e.session, zxid: e.zxid, deleted: e.deleted });
    ctx.metric('zk.sessions.expired');
  }
  deliver(r.state, r.notes, ctx);
  // The server closes the expired sessions' connections.
  for (const e of r.expired) {
    if (e.client !== null && e.conn !== null) send(ctx, e.client, { type: 'zk.closed', conn: e.conn, reason: 'session expired' });
  }
  return { ...s, core: r.state };
}

function onRequest(s: ZookeeperState, m: ZkMsg & { type: 'zk.request' }, from: string, ctx: Ctx): ZookeeperState {
  const sess = s.core.sessions[m.sessionId];
  if (!sess || sess.conn !== m.conn || sess.client !== from) {
    // Expired, unknown, or a connection the server no longer has: like a closed socket.
    send(ctx, from, { type: 'zk.closed', conn: m.conn, reason: sess ? 'stale connection' : 'session expired' });
    return s;
  }
  const bytes = requestBytes(m.op);
  if (bytes > MAX_PACKET) {
    // "Len error": the server drops the connection before reading the request; the session lives on.
    ctx.trace('zk.oversize', { session: m.sessionId, bytes, limit: MAX_PACKET });
    ctx.disconnect(from);
    const core = dropConnection(s.core, m.sessionId, m.conn);
    return core === s.core ? s : { ...s, core };
  }
  const core = touchSession(s.core, monotonicNow(ctx), m.sessionId);
  if (m.op.op === 'closeSession') {
    const r = closeSession(core, m.sessionId);
    for (const path of r.deleted ?? []) ctx.trace('zk.delete', { session: m.sessionId, path, zxid: r.zxid, cause: 'session' });
    ctx.trace('zk.session.closed', { session: m.sessionId, zxid: r.zxid, deleted: r.deleted ?? [] });
    deliver(r.state, r.notes, ctx, { session: m.sessionId, client: from, conn: m.conn });
    send(ctx, from, { type: 'zk.reply', conn: m.conn, xid: m.xid, zxid: r.zxid, result: r.result });
    return { ...s, core: r.state };
  }
  const r = exec(core, ctx.now, m.sessionId, m.op);
  const op = m.op;
  traceOutcome(op, r, m.sessionId, ctx);
  if (op.op !== 'ping') ctx.metric('zk.requests');
  // Watch events first: on the same ordered link they reach the client before this reply.
  deliver(r.state, r.notes, ctx);
  send(ctx, from, { type: 'zk.reply', conn: m.conn, xid: m.xid, zxid: r.zxid, result: r.result });
  return r.state === s.core ? s : { ...s, core: r.state };
}

function onConnect(s: ZookeeperState, m: ZkMsg & { type: 'zk.connect' }, from: string, ctx: Ctx): ZookeeperState {
  if (m.lastZxid > lastZxid(s.core)) {
    // The client has seen a newer state than this server has: it must find another server.
    ctx.trace('zk.session.rejected', { session: m.sessionId ?? '', client: from, reason: 'behind' });
    send(ctx, from, { type: 'zk.closed', conn: m.conn, reason: `server is behind (client saw ${formatZxid(m.lastZxid)})` });
    return s;
  }
  // The same connect again on a connection the server already has: the client's transport
  // resent it (see the client library). Answer again; nothing else changes.
  const dup = Object.values(s.core.sessions).find((x) => x.client === from && x.conn === m.conn);
  if (dup) {
    send(ctx, from, { type: 'zk.connected', conn: m.conn, sessionId: dup.id, timeoutMs: dup.timeoutMs });
    return s;
  }
  if (m.sessionId === null) {
    const r = openSession(s.core, monotonicNow(ctx), m.timeoutMs, from, m.conn);
    ctx.trace('zk.session.open', { session: r.session.id, client: from, requestedMs: m.timeoutMs, timeoutMs: r.session.timeoutMs, zxid: r.zxid });
    ctx.metric('zk.sessions.opened');
    send(ctx, from, { type: 'zk.connected', conn: m.conn, sessionId: r.session.id, timeoutMs: r.session.timeoutMs });
    return { ...s, core: r.state };
  }
  const core = resumeSession(s.core, monotonicNow(ctx), m.sessionId, from, m.conn);
  if (core === null) {
    ctx.trace('zk.session.rejected', { session: m.sessionId, client: from, reason: 'expired' });
    send(ctx, from, { type: 'zk.connected', conn: m.conn, sessionId: m.sessionId, timeoutMs: 0 });
    return s;
  }
  ctx.trace('zk.session.resume', { session: m.sessionId, client: from });
  send(ctx, from, { type: 'zk.connected', conn: m.conn, sessionId: m.sessionId, timeoutMs: core.sessions[m.sessionId].timeoutMs });
  return { ...s, core };
}

/** A single ZooKeeper 3.8 server: sessions, znodes and watches over the pure server core in zk/. */
export const zookeeperModel: ModelDef<ZookeeperParams, ZookeeperState> = {
  type: 'zookeeper',
  init: initState,
  start(s, ctx) {
    // Linked to other ZooKeeper servers: an ensemble member, which looks for a leader first.
    const peers = ensemblePeers(ctx);
    if (peers.length > 0) return startEnsemble({ ...s, startedAt: ctx.now, expiryTimer: null, containerTimer: null }, peers, ctx);
    // After a restart every session gets a full timeout from now, as the real server does when
    // it reloads them from its snapshot.
    const sessions: ZkServerState['sessions'] = {};
    for (const [id, sess] of Object.entries(s.core.sessions)) {
      sessions[id] = { ...sess, expireAt: expiryBucket(s.core.tickTime, monotonicNow(ctx) + sess.timeoutMs) };
    }
    return arm({ ...s, core: { ...s.core, sessions }, startedAt: ctx.now, expiryTimer: null, containerTimer: null }, ctx);
  },
  onMessage(s0, msg, from, ctx) {
    if (s0.q) return ensembleMessage(s0, msg, from, ctx);
    const s = reap(s0, ctx);
    const m = msg as ZkMsg;
    let next = s;
    switch (m.type) {
      case 'zk.connect':
        next = onConnect(s, m, from, ctx);
        break;
      case 'zk.request':
        next = onRequest(s, m, from, ctx);
        break;
      case 'zk.fin': {
        const core = dropConnection(s.core, m.sessionId, m.conn);
        next = core === s.core ? s : { ...s, core };
        break;
      }
      default:
        break;
    }
    return arm(next, ctx);
  },
  onTimer(s0, payload, ctx) {
    if (s0.q) return ensembleTimer(s0, payload, ctx) ?? s0;
    let s: ZookeeperState = s0;
    const kind = TIMERS.match(payload)?.timer;
    if (kind === 'expire') {
      s = reap({ ...s, expiryTimer: null }, ctx);
    } else if (kind === 'containers') {
      s = reap({ ...s, containerTimer: null }, ctx);
      const r = containerCheck(s.core, ctx.now);
      for (const d of r.deleted) ctx.trace('zk.delete', { session: null, path: d.path, zxid: d.zxid, cause: d.kind === 'ttl' ? 'ttl' : 'container' });
      deliver(r.state, r.notes, ctx);
      s = { ...s, core: r.state };
    }
    return arm(s, ctx);
  },
  // A clock step or drift change: aim both timers afresh (the same reading now takes a
  // different true time to reach).
  onClockChange(s, ctx) {
    if (s.q) return s;
    if (s.expiryTimer) ctx.cancelTimer(s.expiryTimer.id);
    if (s.containerTimer) ctx.cancelTimer(s.containerTimer.id);
    return arm({ ...s, expiryTimer: null, containerTimer: null }, ctx);
  },
  // The tree and the sessions are on disk (snapshot + transaction log); connections, watches
  // and timers are not.
  crash(s) {
    if (s.q) return crashEnsemble(s);
    const sessions: ZkServerState['sessions'] = {};
    for (const [id, sess] of Object.entries(s.core.sessions)) sessions[id] = { ...sess, client: null, conn: null };
    return { ...s, core: { ...s.core, sessions, dataWatches: {}, childWatches: {} }, expiryTimer: null, containerTimer: null };
  },
  describeTimer(payload) {
    const quorum = describeQuorumTimer(payload);
    if (quorum !== undefined) return quorum;
    const kind = TIMERS.match(payload)?.timer;
    if (kind === 'expire') return t('timerExpire');
    if (kind === 'containers') return t('timerContainers');
    return p('core.timerFires');
  },
  describeMessage(msg: Msg) {
    return describeZkMessage(msg) ?? describeZabMessage(msg) ?? msg.type;
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'zk.session.open':
        return ev.timeoutMs !== ev.requestedMs
          ? t('sessionOpenAsked', { node: name(ev.node), session: ev.session, client: name(ev.client), ms: ev.timeoutMs, asked: ev.requestedMs })
          : t('sessionOpen', { node: name(ev.node), session: ev.session, client: name(ev.client), ms: ev.timeoutMs });
      case 'zk.session.resume':
        return t('sessionResume', { client: name(ev.client), session: ev.session, node: name(ev.node) });
      case 'zk.session.rejected':
        if (ev.reason === 'no quorum') return t('rejectedNoQuorum', { node: name(ev.node), client: name(ev.client) });
        return ev.reason === 'expired'
          ? t('rejectedExpired', { node: name(ev.node), client: name(ev.client), session: ev.session })
          : t('rejectedBehind', { node: name(ev.node), client: name(ev.client) });
      case 'zk.session.closed':
        return ev.deleted.length
          ? t('sessionClosedDeleting', { node: name(ev.node), session: ev.session, paths: ev.deleted.join(', ') })
          : t('sessionClosed', { node: name(ev.node), session: ev.session });
      case 'zk.session.expired':
        return ev.deleted.length
          ? t('sessionExpiredDeleting', { node: name(ev.node), session: ev.session, paths: ev.deleted.join(', ') })
          : t('sessionExpired', { node: name(ev.node), session: ev.session });
      case 'zk.create':
        return ev.kind === 'persistent'
          ? t('create', { node: name(ev.node), path: ev.path, zxid: formatZxid(ev.zxid) })
          : t('createKind', { node: name(ev.node), kind: ev.kind, path: ev.path, zxid: formatZxid(ev.zxid) });
      case 'zk.delete': {
        if (ev.cause === 'session') return t('deleteSession', { node: name(ev.node), path: ev.path, session: String(ev.session) });
        return t(({ request: 'delete', container: 'deleteContainer', ttl: 'deleteTtl' } as const)[ev.cause], { node: name(ev.node), path: ev.path });
      }
      case 'zk.setData':
        return t('setData', { node: name(ev.node), path: ev.path, version: ev.version, zxid: formatZxid(ev.zxid) });
      case 'zk.error':
        return t('error', { node: name(ev.node), op: ev.op, path: ev.path, err: ev.err });
      case 'zk.watch.set':
        return t('watchSet', { session: ev.session, kind: ev.kind, path: ev.path });
      case 'zk.watch.removed':
        return t('watchRemoved', { session: ev.session, which: ev.which, path: ev.path });
      case 'zk.watch.fired':
        return t(ev.delivered ? 'watchFired' : 'watchFiredUnsent', { node: name(ev.node), event: ev.event, path: ev.path, session: ev.session });
      case 'zk.oversize':
        return t('oversize', { node: name(ev.node), session: ev.session, bytes: ev.bytes, limit: ev.limit });
      case 'zk.watch.restored':
        return ev.fired
          ? t('watchRestoredFired', { session: ev.session, n: ev.watches, fired: ev.fired })
          : t('watchRestored', { session: ev.session, n: ev.watches });
      default:
        return narrateQuorum(ev, name);
    }
  },
};

/** What the canvas shows of a ZooKeeper node: its znodes (system ones left out) and sessions. */
export interface ZookeeperView {
  lastZxid: string;
  znodes: { path: string; kind: ZkNodeKind; data: string; version: number; owner: string | null; children: number }[];
  sessions: { id: string; client: string | null; connected: boolean; timeoutMs: number; expireAt: number; ephemerals: string[] }[];
  /** Watches registered on the server, all sessions and both tables together. */
  watches: number;
}

/** A plain summary of the server state for views. */
export function zookeeperView(s: ZookeeperState): ZookeeperView {
  const c = s.core;
  const znodes = Object.keys(c.nodes)
    .filter((p) => p !== '/zookeeper' && !p.startsWith('/zookeeper/'))
    .sort()
    .map((path) => {
      const n = c.nodes[path];
      return { path, kind: n.kind, data: n.data, version: n.version, owner: n.owner, children: n.children.length };
    });
  const sessions = Object.values(c.sessions).map((x) => ({
    id: x.id,
    client: x.client,
    connected: x.conn !== null,
    timeoutMs: x.timeoutMs,
    expireAt: x.expireAt,
    ephemerals: [...x.ephemerals],
  }));
  let watches = 0;
  for (const t of [c.dataWatches, c.childWatches]) for (const p in t) watches += t[p].length;
  return { lastZxid: formatZxid(lastZxid(c)), znodes, sessions, watches };
}

