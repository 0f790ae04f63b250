import { isConnectionClosed } from '../../core/connection';
import { formatReply } from '../../clients/redis/format-reply';
import type { RedisCmd, RedisPushMsg, RedisReply, RedisReplyMsg } from '../../clients/redis/protocol';
import { commandLine } from '../../clients/redis/scripts';
import type { Msg } from '../../core/msg';
import { p, type Arg, type Phrase } from '../../core/phrase';
import type { Ctx, ModelDef } from '../../core/types';
import type { en } from './messages.en';
import { aofAfter, aofCrash, initAof, onAofTimer, startAof } from './aof';
import { replWith, stateWith } from './copy';
import { block, onBlockTimer, rearmBlocked, serveReady, timeOutDue } from './blocking';
import { exec, type Published } from './commands';
import { at, nextExpiry, withChanges, without, type RedisEntry } from './keyspace';
import { subscriberNode, type RedisFullSyncMsg, type RedisMsg, type RedisReplMsg, type RedisReplPingMsg, type ReplBatch, type ReplOp } from './messages';
import { type RedisParams } from './params';
import type { RedisState, ReplState } from './state';
import { roleCommand, type ReplicaOfChange } from './role';
import { REDIS_TIMERS, type RedisTimer } from './timers';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'redis.exec': { client: string; argv: readonly string[]; reply: RedisReply };
    /** Keys removed because their TTL passed: on access (passive) or by the expiry cycle (active). */
    'redis.expire': { keys: string[]; how: 'passive' | 'active' };
    /** A primary sends one write to its replicas. */
    'redis.replicate': { to: string[]; offset: number; argv: readonly string[]; lagMs: number };
    /** A replica loads a full copy from its primary. */
    'redis.sync': { primary: string; keys: number; offset: number };
    /** A replica decides its link to the primary is broken and starts reconnecting. */
    'redis.link': { primary: string; reason: 'timeout' | 'gap' | 'reset' };
    /** A replica promotes itself to primary after not hearing from its primary. */
    'redis.promote': { primary: string; offset: number; silentMs: number };
    /** A restarted server with appendfsync everysec or no reloads its append-only file; `lost`: keys whose last writes had not reached the disk. */
    'redis.aof.load': { keys: number; lost: readonly string[]; mode: 'everysec' | 'no' };
    /**
     * REPLICAOF from `client`: the server now follows `primary`, or (null, REPLICAOF NO ONE) is
     * a primary. `was` is the primary it followed before (null if it was one); `lost` counts the
     * writes a demoted primary had acknowledged but not yet sent to any replica.
     */
    'redis.replicaof': { client: string; primary: string | null; was: string | null; offset: number; lost: number };
  }
}


/** A replica retries connecting once a second (Redis's replicationCron). */
const RECONNECT_MS = 1000;
/** Slack for float error when a timer fires at the local time it was aimed at. */
const EPS = 1e-6;

function initState(p: RedisParams, restarts = 0): RedisState {
  const replicaOf = p.replicaOf ?? null;
  // Only everysec / no need bookkeeping; other nodes' state keeps its old shape.
  const aof = initAof(p);
  return {
    ...(aof ? { aof } : {}),
    data: { keys: {} },
    cycleAt: null,
    cycleTimer: null,
    hz: p.hz ?? 10,
    role: replicaOf === null ? 'primary' : 'replica',
    primary: replicaOf,
    promotedFrom: null,
    restarts,
    repl: {
      lagMs: p.replicationLagMs ?? 0,
      pingMs: p.replPingMs ?? 1000,
      timeoutMs: p.replTimeoutMs ?? 60_000,
      promoteAfterMs: p.promoteOnPrimaryDownMs ?? null,
      ...(p.replicaPriority === undefined ? {} : { priority: p.replicaPriority }),
      offset: 0,
      sent: 0,
      replicas: [],
      backlog: [],
      pingTimer: null,
      link: 'connecting',
      lastHeard: 0,
      watchTimer: null,
    },
  };
}

/** A phrase of this model's messages. */
const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`model.redis.${key}`, args);

const withRepl = (s: RedisState, r: Partial<ReplState>): RedisState => stateWith(s, s.data, replWith(s.repl, r));

// ---- active expiry ----

/**
 * Arms the active-expiry cycle. Real Redis runs it `hz` times a second (on a primary only); a
 * tick that finds nothing to expire changes nothing, so only the first tick after the earliest
 * deadline is scheduled. Ticks sit on multiples of 1000/hz ms of the server's clock, and a tick
 * at time T removes keys with floor(T) > expireAt, as `activeExpireCycle` does.
 */
function armCycle(s: RedisState, ctx: Ctx): RedisState {
  const next = s.role === 'primary' ? nextExpiry(s.data.keys) : null;
  if (next === null) {
    if (s.cycleTimer !== null) ctx.cancelTimer(s.cycleTimer);
    return s.cycleAt === null && s.cycleTimer === null ? s : { ...s, cycleAt: null, cycleTimer: null };
  }
  const period = 1000 / s.hz;
  const tick = Math.ceil(Math.max(next + 1, ctx.now) / period) * period;
  if (s.cycleTimer !== null && s.cycleAt === tick) return s;
  if (s.cycleTimer !== null) ctx.cancelTimer(s.cycleTimer);
  const id = ctx.setTimer(tick - ctx.now, REDIS_TIMERS.make('expire-cycle', { at: tick }));
  return { ...s, cycleAt: tick, cycleTimer: id };
}

/** Removes every key whose deadline is before `nowMs` (whole ms); returns the new keys and who went. */
function sweep(keys: Readonly<Record<string, RedisEntry>>, nowMs: number): { keys: Readonly<Record<string, RedisEntry>>; gone: string[] } {
  const gone: string[] = [];
  for (const k in keys) {
    const e = keys[k].expireAt;
    if (e !== null && nowMs > e) gone.push(k);
  }
  if (gone.length === 0) return { keys, gone };
  return { keys: without(keys, (k) => gone.includes(k)), gone };
}

/**
 * The keys a periodic cycle would already have removed by its latest tick. Normally none (the
 * armed tick did it); after the server's clock jumps forward it is the keys the jump made due,
 * which real Redis's next cycle removes within 1/hz s.
 */
function catchUp(s: RedisState, ctx: Ctx): RedisState {
  if (s.role !== 'primary') return s;
  const period = 1000 / s.hz;
  const lastTick = Math.floor(ctx.now / period) * period;
  // cycleAt is the first tick that can find a key due (armCycle keeps it current), so before it
  // there is nothing to sweep and no need to look at every key.
  if (s.cycleAt === null || lastTick < s.cycleAt - EPS) return s;
  const { keys, gone } = sweep(s.data.keys, Math.floor(lastTick));
  if (gone.length === 0) return s;
  ctx.trace('redis.expire', { keys: gone, how: 'active' });
  ctx.metric('redis.expired', gone.length);
  return { ...s, data: { ...s.data, keys } };
}

// ---- replication: primary side ----

/** The key-level difference between two keyspaces (a write's effects). */
function diff(before: Readonly<Record<string, RedisEntry>>, after: Readonly<Record<string, RedisEntry>>): ReplOp[] {
  if (before === after) return [];
  const ops: ReplOp[] = [];
  for (const k of Object.keys(after)) if (at(before, k) !== after[k]) ops.push({ key: k, entry: after[k] });
  for (const k of Object.keys(before)) if (at(after, k) === undefined) ops.push({ key: k, entry: null });
  return ops;
}

function sendBatch(s: RedisState, b: ReplBatch, ctx: Ctx): void {
  const msg: RedisReplMsg = { type: 'redis.repl', batch: b };
  for (const r of s.repl.replicas) ctx.send(r, msg);
  ctx.trace('redis.replicate', { to: [...s.repl.replicas], offset: b.offset, argv: b.argv, lagMs: s.repl.lagMs });
  ctx.metric('redis.replicated');
}

/** Streams one write's effects (keys `before` -> `after`, messages published) to the replicas, after the lag. */
function replicate(
  s: RedisState,
  argv: readonly string[],
  before: Readonly<Record<string, RedisEntry>>,
  after: Readonly<Record<string, RedisEntry>>,
  pubs: readonly Published[],
  ctx: Ctx,
): RedisState {
  if (s.role !== 'primary' || (before === after && pubs.length === 0)) return s;
  const offset = s.repl.offset + 1;
  // With no replica the write only moves the offset; a replica that connects later gets a full copy.
  if (s.repl.replicas.length === 0) return withRepl(s, { offset, sent: offset });
  const ops = diff(before, after);
  if (ops.length === 0 && pubs.length === 0) return s;
  const batch: ReplBatch = { offset, argv, ops, pubs: pubs.map((p) => ({ channel: p.channel, message: p.message })) };
  if (s.repl.lagMs <= 0) {
    sendBatch(s, batch, ctx);
    return withRepl(s, { offset, sent: offset });
  }
  ctx.setTimer(s.repl.lagMs, REDIS_TIMERS.make('repl-flush', { offset }));
  return withRepl(s, { offset, backlog: [...s.repl.backlog, batch] });
}

function armPing(s: RedisState, ctx: Ctx): RedisState {
  if (s.repl.pingTimer !== null || s.repl.replicas.length === 0) return s;
  return withRepl(s, { pingTimer: ctx.setTimer(s.repl.pingMs, REDIS_TIMERS.make('repl-ping')) });
}

// ---- replication: replica side ----

/** Arms the replica's watch: reconnect retries, the repl-timeout and the promotion deadline. */
function armWatch(s: RedisState, ctx: Ctx): RedisState {
  if (s.repl.watchTimer !== null) ctx.cancelTimer(s.repl.watchTimer);
  if (s.role !== 'replica') return s.repl.watchTimer === null ? s : withRepl(s, { watchTimer: null });
  const r = s.repl;
  let due = r.link === 'connecting' ? ctx.now + RECONNECT_MS : r.lastHeard + r.timeoutMs;
  if (r.promoteAfterMs !== null) due = Math.min(due, r.lastHeard + r.promoteAfterMs);
  return withRepl(s, { watchTimer: ctx.setTimer(Math.max(0, due - ctx.now), REDIS_TIMERS.make('replica-watch')) });
}

function reconnect(s: RedisState, reason: 'timeout' | 'gap' | 'reset', ctx: Ctx): RedisState {
  ctx.trace('redis.link', { primary: s.primary!, reason });
  ctx.send(s.primary!, { type: 'redis.sync' });
  return armWatch(withRepl(s, { link: 'connecting' }), ctx);
}

function promote(s: RedisState, ctx: Ctx): RedisState {
  const silentMs = ctx.now - s.repl.lastHeard;
  ctx.trace('redis.promote', { primary: s.primary!, offset: s.repl.offset, silentMs });
  ctx.metric('redis.promotions');
  if (s.repl.watchTimer !== null) ctx.cancelTimer(s.repl.watchTimer);
  const next: RedisState = {
    ...s,
    role: 'primary',
    primary: null,
    promotedFrom: s.primary,
    repl: { ...s.repl, link: 'up', sent: s.repl.offset, replicas: [], backlog: [], watchTimer: null },
  };
  return armCycle(next, ctx);
}

function deliver(pubs: readonly Published[], ctx: Ctx): void {
  for (const p of pubs) {
    const push: RedisPushMsg = { type: 'redis.push', channel: p.channel, message: p.message };
    for (const to of p.to) {
      const { node, conn } = subscriberNode(to);
      ctx.send(node, conn === undefined ? push : { ...push, conn });
    }
  }
}

/** Applies the next write of the stream, heard now: one copy of the state (this runs per replica per write). */
function applyBatch(s: RedisState, b: ReplBatch, ctx: Ctx): RedisState {
  const keys = b.ops.length > 0 ? withChanges(s.data.keys, b.ops) : s.data.keys;
  // PUBLISH is replicated: this replica's own subscribers get the message too.
  if (b.pubs.length > 0) {
    const subs = s.data.subs ?? {};
    deliver(b.pubs.map((p) => ({ ...p, to: [...(at(subs, p.channel) ?? [])] })), ctx);
  }
  const data = keys === s.data.keys ? s.data : s.data.subs === undefined ? { keys } : { keys, subs: s.data.subs };
  return stateWith(s, data, replWith(s.repl, { offset: b.offset, lastHeard: ctx.now }));
}

function fromPrimary(s: RedisState, msg: RedisMsg, from: string, ctx: Ctx): RedisState {
  if (s.role !== 'replica' || from !== s.primary) return s;
  if (msg.type === 'redis.repl') {
    const b = (msg as RedisReplMsg).batch;
    if (s.repl.link === 'up' && b.offset === s.repl.offset + 1) return applyBatch(s, b, ctx);
  }
  let n = withRepl(s, { lastHeard: ctx.now });
  switch (msg.type) {
    case 'redis.fullsync': {
      const m = msg as RedisFullSyncMsg;
      ctx.trace('redis.sync', { primary: from, keys: Object.keys(m.keys).length, offset: m.offset });
      n = { ...n, data: { ...n.data, keys: m.keys }, repl: { ...n.repl, offset: m.offset, link: 'up' } };
      return armWatch(n, ctx);
    }
    case 'redis.repl': {
      const b = (msg as RedisReplMsg).batch;
      if (n.repl.link !== 'up' || b.offset <= n.repl.offset) return n;
      // A missing write (lost on the link): the stream cannot continue, so start over.
      if (b.offset > n.repl.offset + 1) return reconnect(n, 'gap', ctx);
      return applyBatch(n, b, ctx);
    }
    case 'redis.repl.ping': {
      const m = msg as RedisReplPingMsg;
      if (n.repl.link === 'up' && m.offset > n.repl.offset) return reconnect(n, 'gap', ctx);
      return n;
    }
    case 'redis.repl.reset':
      return n.repl.link === 'up' ? reconnect(n, 'reset', ctx) : n;
    default:
      return s;
  }
}

// ---- REPLICAOF, ROLE, INFO ----

/**
 * Applies an accepted REPLICAOF. NO ONE: the replica keeps its data and becomes a primary
 * (replicationUnsetMaster). A host: the server drops its own replicas and the writes still
 * waiting out the lag (never sent, so lost), stops expiring keys, and asks `primary` for a full
 * copy, which replaces its keyspace when it arrives (replicationSetMaster).
 */
function replicaOf(s: RedisState, change: ReplicaOfChange, from: string, ctx: Ctx): RedisState {
  const was = s.role === 'replica' ? s.primary : null;
  if (change.primary === null) {
    ctx.trace('redis.replicaof', { client: from, primary: null, was, offset: s.repl.offset, lost: 0 });
    ctx.metric('redis.promotions');
    if (s.repl.watchTimer !== null) ctx.cancelTimer(s.repl.watchTimer);
    const next: RedisState = { ...s, role: 'primary', primary: null, promotedFrom: was, repl: { ...s.repl, link: 'up', sent: s.repl.offset, replicas: [], backlog: [], watchTimer: null } };
    return armCycle(next, ctx);
  }
  const lost = s.role === 'primary' ? s.repl.backlog.length : 0;
  ctx.trace('redis.replicaof', { client: from, primary: change.primary, was, offset: s.repl.offset, lost });
  if (s.repl.pingTimer !== null) ctx.cancelTimer(s.repl.pingTimer);
  const next: RedisState = {
    ...s,
    role: 'replica',
    primary: change.primary,
    promotedFrom: null,
    repl: { ...s.repl, replicas: [], backlog: [], pingTimer: null, link: 'connecting', lastHeard: ctx.now },
  };
  ctx.send(change.primary, { type: 'redis.sync' });
  return armWatch(armCycle(next, ctx), ctx);
}

/** Monitoring commands a Sentinel sends every second: answered without a `redis.exec` line each, so the log stays readable. */
const QUIET = ['PING', 'INFO', 'ROLE'];

// ---- commands ----

/** Node kinds whose connections are not "normal" clients for CLIENT KILL (replication links, sentinels). */
const PEERS = ['redis', 'sentinel'];

function onCommand(s0: RedisState, cmd: RedisCmd, from: string, ctx: Ctx): RedisState {
  if (!(s0.clients ?? []).includes(from)) s0 = { ...s0, clients: [...(s0.clients ?? []), from] };
  const role = roleCommand(s0, ctx.self, ctx.now, cmd.argv);
  if (role) {
    let reply = role.reply;
    if (role.killClients) {
      // The killed clients' connections close (they see a reset and reconnect); replicas, the
      // primary and sentinels are not "normal" clients.
      const killed = (s0.clients ?? []).filter((id) => id !== from && !PEERS.includes(ctx.typeOf(id) ?? ''));
      for (const id of killed) ctx.disconnect(id);
      reply = killed.length;
      s0 = { ...s0, clients: (s0.clients ?? []).filter((id) => !killed.includes(id)) };
    }
    if (!(ctx.typeOf(from) === 'sentinel' && QUIET.includes(cmd.argv[0].toUpperCase()))) {
      ctx.trace('redis.exec', { client: from, argv: cmd.argv, reply });
      ctx.metric('redis.commands');
    }
    const out: RedisReplyMsg = { type: 'redis.reply', id: cmd.id, reply };
    ctx.reply(out);
    return role.change ? replicaOf(s0, role.change, from, ctx) : s0;
  }
  const s = catchUp(s0, ctx);
  const res = exec(s.data, ctx.now, cmd.argv, { client: from, conn: cmd.conn, replica: s.role === 'replica' });
  // The expiry a command triggered happened before the command's own effect (Redis deletes the
  // key on lookup, then runs the command): traced first, so "SET … NX → OK" never reads as if
  // the expiry after it deleted the new value.
  if (res.expired) {
    ctx.trace('redis.expire', { keys: res.expired, how: 'passive' });
    ctx.metric('redis.expired', res.expired.length);
  }
  let n: RedisState = res.data === s.data ? s : stateWith(s, res.data, s.repl);
  if (res.blocked) n = block(n, cmd, from, res.blocked, ctx);
  else {
    if (!(ctx.typeOf(from) === 'sentinel' && QUIET.includes(cmd.argv[0]?.toUpperCase() ?? ''))) {
      ctx.trace('redis.exec', { client: from, argv: cmd.argv, reply: res.reply });
      ctx.metric('redis.commands');
    }
    const out: RedisReplyMsg = { type: 'redis.reply', id: cmd.id, reply: res.reply };
    ctx.reply(out);
  }
  if (res.published) deliver(res.published, ctx);
  n = replicate(n, cmd.argv, s0.data.keys, n.data.keys, res.published ?? [], ctx);
  // After the command, as Redis does: serve clients held on lists it filled, then (beforeSleep)
  // time out the ones whose deadline passed; a pop is replicated as LPOP / RPOP.
  if (res.ready && n.blocked) n = serveReady(n, res.ready, ctx, (x, argv, before) => replicate(x, argv, before, x.data.keys, [], ctx));
  if (n.blocked) n = timeOutDue(n, ctx);
  return armCycle(n, ctx);
}

function onTimer(s: RedisState, payload: RedisTimer, ctx: Ctx): RedisState {
  switch (payload.timer) {
    case 'expire-cycle': {
      if (payload.at !== s.cycleAt) return s;
      // The tick fires at its own local time; float error must not push it just before.
      const now = Math.abs(ctx.now - payload.at) < EPS ? Math.max(ctx.now, payload.at) : ctx.now;
      const { keys, gone } = sweep(s.data.keys, Math.floor(now));
      let n: RedisState = { ...s, cycleAt: null, cycleTimer: null };
      if (gone.length > 0) {
        ctx.trace('redis.expire', { keys: gone, how: 'active' });
        ctx.metric('redis.expired', gone.length);
        n = { ...n, data: { ...n.data, keys } };
        // Redis propagates an expiry as a DEL: replicas never expire keys on their own.
        n = replicate(n, ['DEL', ...gone], s.data.keys, keys, [], ctx);
      }
      return armCycle(n, ctx);
    }
    case 'repl-flush': {
      if (s.role !== 'primary') return s;
      const due = s.repl.backlog.filter((b) => b.offset <= payload.offset);
      if (due.length === 0) return s;
      for (const b of due) sendBatch(s, b, ctx);
      return withRepl(s, { backlog: s.repl.backlog.filter((b) => b.offset > payload.offset), sent: due[due.length - 1].offset });
    }
    case 'repl-ping': {
      const n = withRepl(s, { pingTimer: null });
      if (n.role !== 'primary') return n;
      const ping: RedisReplPingMsg = { type: 'redis.repl.ping', offset: n.repl.sent };
      for (const r of n.repl.replicas) ctx.send(r, ping);
      return armPing(n, ctx);
    }
    case 'block-timeout':
      return onBlockTimer(s, payload, ctx);
    case 'aof-fsync':
      return onAofTimer(s, payload, ctx);
    case 'replica-watch': {
      let n = withRepl(s, { watchTimer: null });
      if (n.role !== 'replica') return n;
      const silent = ctx.now - n.repl.lastHeard;
      if (n.repl.promoteAfterMs !== null && silent >= n.repl.promoteAfterMs - EPS) return promote(n, ctx);
      if (n.repl.link === 'up' && silent >= n.repl.timeoutMs - EPS) return reconnect(n, 'timeout', ctx);
      if (n.repl.link === 'connecting') ctx.send(n.primary!, { type: 'redis.sync' });
      n = armWatch(n, ctx);
      return n;
    }
  }
}


/**
 * A Redis server: the command table over a keyspace with passive and active expiry, Pub/Sub,
 * and optional asynchronous replication (`replicaOf` on the replica) with self-promotion.
 */
/**
 * A client's connection ended (it closed it, or its process died and its host reset it): as
 * Redis frees a disconnected client, its blocking pops stop waiting (a later push is not handed
 * to a dead connection) and its subscriptions go.
 */
function clientGone(s: RedisState, from: string, ctx: Ctx): RedisState {
  let n = s.clients?.includes(from) ? { ...s, clients: s.clients.filter((c) => c !== from) } : s;
  const mine = (s.blocked ?? []).filter((b) => b.client === from);
  if (mine.length > 0) {
    for (const b of mine) {
      if (b.timer !== null) ctx.cancelTimer(b.timer);
      ctx.trace('redis.unblock', { client: b.client, argv: b.argv, reply: null, how: 'disconnected', waitedMs: ctx.now - b.since });
    }
    const left = (s.blocked ?? []).filter((b) => b.client !== from);
    n = { ...n, blocked: left.length ? left : undefined };
  }
  const subs = s.data.subs;
  if (subs && Object.values(subs).some((l) => l.some((x) => subscriberNode(x).node === from))) {
    const kept: Record<string, readonly string[]> = {};
    for (const [ch, l] of Object.entries(subs)) {
      const rest = l.filter((x) => subscriberNode(x).node !== from);
      if (rest.length) kept[ch] = rest;
    }
    n = { ...n, data: { ...n.data, subs: kept } };
  }
  return n;
}

const serverModel: ModelDef<RedisParams, RedisState> = {
  type: 'redis',
  init: (p) => initState(p),
  start(s0, ctx) {
    let s: RedisState = { ...s0, cycleAt: null, cycleTimer: null, repl: { ...s0.repl, pingTimer: null, watchTimer: null } };
    if (s.role === 'replica') {
      ctx.send(s.primary!, { type: 'redis.sync' });
      s = armWatch(withRepl(s, { link: 'connecting', lastHeard: ctx.now }), ctx);
    } else if (s.restarts > 0) {
      for (const id of ctx.neighbours()) if (ctx.typeOf(id) === 'redis') ctx.send(id, { type: 'redis.repl.reset' });
    }
    if (s.aof) {
      const mode = s.aof.mode;
      const r = startAof(s, ctx);
      s = r.s;
      if (s.restarts > 0) ctx.trace('redis.aof.load', { keys: Object.keys(s.data.keys).length, lost: r.lost ?? [], mode });
    }
    return armPing(armCycle(s, ctx), ctx);
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) return clientGone(s, from, ctx);
    const m = msg as RedisMsg;
    switch (m.type) {
      case 'redis.cmd':
        return onCommand(s, m, from, ctx);
      case 'redis.sync': {
        if (s.role !== 'primary') return s;
        const replicas = s.repl.replicas.includes(from) ? s.repl.replicas : [...s.repl.replicas, from];
        const full: RedisFullSyncMsg = { type: 'redis.fullsync', keys: s.data.keys, offset: s.repl.offset };
        ctx.send(from, full);
        return armPing(withRepl(s, { replicas }), ctx);
      }
      case 'redis.fullsync':
      case 'redis.repl':
      case 'redis.repl.ping':
      case 'redis.repl.reset':
        return fromPrimary(s, m, from, ctx);
      default:
        return s;
    }
  },
  onTimer(s, payload, ctx) {
    const t = REDIS_TIMERS.match(payload);
    return t ? onTimer(s, t, ctx) : s;
  },
  // A clock step moves every deadline relative to now: re-arm the expiry cycle for the new time,
  // so keys a forward jump made due go at the next tick, as with real Redis's periodic cycle.
  onClockChange: (s, ctx) => rearmBlocked(armCycle(s, ctx), ctx),
  // Without persistence (the default) a crash loses the keyspace; with appendonly the restart
  // reloads it, deadlines and all (they are absolute server times, as Redis stores them): all of
  // it with fsync always, what reached the disk with everysec or no (aof.ts). Either way
  // connections, blocked clients and the replication state are gone.
  crash: (s, p) => {
    if (!p.appendonly) return initState(p, s.restarts + 1);
    return s.aof ? aofCrash(s, initState(p, s.restarts + 1)) : { ...initState(p, s.restarts + 1), data: s.data };
  },
  describeTimer(payload) {
    const p = REDIS_TIMERS.match(payload);
    if (p?.timer === 'repl-flush') return t('timerReplFlush', { offset: p.offset });
    if (p?.timer === 'repl-ping') return t('timerReplPing');
    if (p?.timer === 'replica-watch') return t('timerReplicaWatch');
    if (p?.timer === 'block-timeout') return t('timerBlockTimeout');
    if (p?.timer === 'aof-fsync') return t('timerAofFsync');
    return t('timerExpireCycle');
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'redis.exec':
        return t('exec', { node: name(ev.node), cmd: commandLine(ev.argv), client: name(ev.client), reply: formatReply(ev.reply) });
      case 'redis.expire':
        return ev.how === 'passive'
          ? t('expirePassive', { node: name(ev.node), keys: ev.keys.join(', '), n: ev.keys.length })
          : t('expireActive', { node: name(ev.node), keys: ev.keys.join(', ') });
      case 'redis.block':
        return t(ev.deadline === null ? 'block' : 'blockTimeout', { node: name(ev.node), client: name(ev.client), cmd: commandLine(ev.argv), keys: ev.keys.join(' or ') });
      case 'redis.unblock':
        if (ev.how === 'disconnected') return t('unblockGone', { node: name(ev.node), client: name(ev.client), cmd: commandLine(ev.argv), ms: Math.round(ev.waitedMs) });
        return t(ev.how === 'timeout' ? 'unblockTimeout' : 'unblock', { node: name(ev.node), client: name(ev.client), cmd: commandLine(ev.argv), ms: Math.round(ev.waitedMs), reply: formatReply(ev.reply) });
      case 'redis.replicate': {
        const args = { node: name(ev.node), offset: ev.offset, cmd: commandLine(ev.argv), to: ev.to.map(name).join(', ') };
        return ev.lagMs > 0 ? t('replicateLag', { ...args, lag: ev.lagMs }) : t('replicate', args);
      }
      case 'redis.sync':
        return t('sync', { node: name(ev.node), primary: name(ev.primary), keys: ev.keys, offset: ev.offset });
      case 'redis.link':
        return t(({ timeout: 'linkTimeout', gap: 'linkGap', reset: 'linkReset' } as const)[ev.reason], { node: name(ev.node), primary: name(ev.primary) });
      case 'redis.aof.load':
        return ev.lost.length === 0
          ? t('aofLoad', { node: name(ev.node), keys: ev.keys })
          : t('aofLoadLost', { node: name(ev.node), keys: ev.keys, lost: ev.lost.join(', '), mode: ev.mode });
      case 'redis.replicaof':
        if (ev.primary === null) return t('noOne', { node: name(ev.node), client: name(ev.client), was: ev.was ? name(ev.was) : t('anyone'), offset: ev.offset });
        return ev.lost > 0
          ? t('replicaOfLost', { node: name(ev.node), id: ev.primary, client: name(ev.client), primary: name(ev.primary), lost: ev.lost })
          : t('replicaOf', { node: name(ev.node), id: ev.primary, client: name(ev.client), primary: name(ev.primary) });
      case 'redis.promote':
        return t('promote', { node: name(ev.node), primary: name(ev.primary), ms: Math.round(ev.silentMs), offset: ev.offset });
      default:
        return undefined;
    }
  },
  describeMessage(msg: Msg) {
    const m = msg as RedisMsg;
    switch (m.type) {
      case 'redis.cmd':
        return commandLine(m.argv);
      case 'redis.reply':
        return formatReply(m.reply);
      case 'redis.push':
        return t('msgPush', { channel: m.channel, message: m.message });
      case 'redis.sync':
        return t('msgSync');
      case 'redis.fullsync':
        return t('msgFullSync', { keys: Object.keys(m.keys).length, offset: m.offset });
      case 'redis.repl':
        return t('msgRepl', { offset: m.batch.offset, cmd: commandLine(m.batch.argv) });
      case 'redis.repl.ping':
        return t('msgReplPing', { offset: m.offset });
      case 'redis.repl.reset':
        return t('msgReplReset');
      default:
        return msg.type;
    }
  },
};

/**
 * The server, with the append-only file's fsync bookkeeping (aof.ts) after every handler that
 * changed the keyspace: only nodes with appendfsync everysec or no carry it, so every other
 * node runs exactly as before.
 */
export const redisModel: ModelDef<RedisParams, RedisState> = {
  ...serverModel,
  onMessage(s, msg, from, ctx) {
    const n = serverModel.onMessage(s, msg, from, ctx);
    return s.aof ? aofAfter(s, n, ctx) : n;
  },
  onTimer(s, payload, ctx) {
    const n = serverModel.onTimer!(s, payload, ctx);
    return s.aof ? aofAfter(s, n, ctx) : n;
  },
};
