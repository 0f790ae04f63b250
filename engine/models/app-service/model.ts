import type { z } from 'zod';
import { describeHttp, httpStatus, isHttp, type HttpHealthMsg, type HttpHealthOkMsg, type HttpOp, type HttpReq, type HttpRes, type Jwt } from '../../clients/http/messages';
import { initRedisIo, redisConnectionEnded, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisReply } from '../../clients/redis/protocol';
import type { Msg } from '../../core/msg';
import { p } from '../../core/phrase';
import type { Ctx, ModelDef } from '../../core/types';
import { randomId, signJwt, verifyJwt } from './jwt';
import { appParams, type AppParams } from './params';
import { createArgv, expireArgv, isExpired, parseSession, sessionKey, touchArgv } from './spring-session';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /**
     * The app answered one request. `cred` is the credential it judged (a session id or a token
     * id); `tookMs` is how long it held the request, on its own monotonic clock, so a monitor can
     * tell when the request arrived; `trips` counts its Redis round trips for it.
     */
    'app.handle': { origin: string; op: HttpOp; status: number; reason: string | null; user: string | null; cred: string | null; trips: number; tookMs: number };
    /** A login created a session: in this app's memory, or in Redis (`where`). */
    'session.create': { sid: string; user: string; store: 'memory' | 'redis'; where: string; maxInactiveMs: number };
    /** A session ended: logged out, or found idle past maxInactiveInterval. */
    'session.destroy': { sid: string; user: string | null; store: 'memory' | 'redis'; where: string; why: 'logout' | 'expired' };
    /** The app signed a token; `parent` is the refresh token it replaces (rotation). */
    'jwt.issue': { sub: string; jti: string; typ: 'access' | 'refresh'; exp: number; ttlMs: number; parent: string | null; store: string | null };
    /** A logout: with a denylist the token is refused from now on; without one nothing can stop it before `exp`. */
    'jwt.revoke': { sub: string; jti: string; refresh: string | null; denylisted: boolean; where: string | null; remainingMs: number };
  }
}

type Conf = z.output<typeof appParams>;

/** A session held in this server's memory. Times are the app's clock. */
export interface MemSession {
  user: string;
  createdAt: number;
  lastAccess: number;
}

/** What a request waiting on Redis is doing next. */
type Step =
  | 'login-save'
  | 'login-expire'
  | 'get-load'
  | 'get-touch'
  | 'get-expire'
  | 'get-drop'
  | 'logout-load'
  | 'logout-del'
  | 'jwt-login'
  | 'jwt-check'
  | 'jwt-deny'
  | 'jwt-logout'
  | 'jwt-consume'
  | 'jwt-rotate';

/** A request the app is working on (only while it waits for Redis). */
interface Job {
  id: number;
  from: string;
  req: HttpReq;
  origin: string;
  /** The app's monotonic clock when the request arrived. */
  recv: number;
  trips: number;
  step: Step;
  sid: string | null;
  user: string | null;
  /** Tokens being issued (login, refresh). */
  token: Jwt | null;
  refresh: Jwt | null;
  /** Logout: the token went on the denylist. */
  denied: boolean;
}

export interface AppState {
  p: Conf;
  /** The Redis node in use (resolved at start), or null. */
  redisNode: string | null;
  io: RedisIo | null;
  sessions: Record<string, MemSession>;
  jobs: Record<string, Job>;
  nextJob: number;
  served: number;
  refused: number;
  failed: number;
  issued: number;
}

function initState(p: Conf): AppState {
  return { p, redisNode: null, io: null, sessions: {}, jobs: {}, nextJob: 1, served: 0, refused: 0, failed: 0, issued: 0 };
}

const credOf = (req: HttpReq): string | null => req.cookie ?? req.token?.jti ?? null;

// ---- answering ----

interface Answer {
  status: number;
  reason?: string;
  user?: string | null;
  cookie?: string;
  token?: Jwt | null;
  refresh?: Jwt | null;
}

function respond(s: AppState, job: Job, a: Answer, ctx: Ctx): AppState {
  const res: HttpRes = {
    type: 'http.res',
    id: job.req.id,
    op: job.req.op,
    status: a.status,
    server: ctx.self,
    ...(a.reason !== undefined ? { reason: a.reason } : {}),
    ...(a.user ? { user: a.user } : {}),
    ...(a.cookie !== undefined ? { cookie: a.cookie } : {}),
    ...(a.token ? { token: a.token } : {}),
    ...(a.refresh ? { refresh: a.refresh } : {}),
  };
  ctx.send(job.from, res);
  ctx.trace('app.handle', {
    origin: job.origin,
    op: job.req.op,
    status: a.status,
    reason: a.reason ?? null,
    user: a.user ?? job.user ?? null,
    cred: credOf(job.req),
    trips: job.trips,
    tookMs: Math.max(0, ctx.monotonic - job.recv),
  });
  ctx.metric('app.requests');
  if (job.trips > 0) ctx.metric('app.redis.trips', job.trips);
  if (a.status === 200) ctx.metric('app.ok');
  else if (a.status === 401) ctx.metric('app.unauthorized');
  else ctx.metric('app.errors');
  const jobs = job.id in s.jobs ? without(s.jobs, String(job.id)) : s.jobs;
  const count = a.status === 200 ? { served: s.served + 1 } : a.status === 401 ? { refused: s.refused + 1 } : { failed: s.failed + 1 };
  return { ...s, jobs, ...count };
}

function without<T>(r: Record<string, T>, k: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(r)) if (key !== k) out[key] = r[key];
  return out;
}

/** Sends the job's next Redis command and parks the job until the reply. */
function ask(s: AppState, job: Job, step: Step, argv: readonly string[], ctx: Ctx): AppState {
  if (s.io === null) return respond(s, job, { status: 503, reason: 'no Redis linked' }, ctx);
  const io = redisSend(s.io, argv, String(job.id), s.p.redisTimeoutMs, ctx);
  const next: Job = { ...job, step, trips: job.trips + 1 };
  return { ...s, io, jobs: { ...s.jobs, [job.id]: next } };
}

// ---- tokens ----

function issue(s: AppState, typ: Jwt['typ'], sub: string, parent: string | null, ctx: Ctx): { s: AppState; t: Jwt } {
  const ttlMs = typ === 'access' ? s.p.tokenTtlMs : (s.p.refreshTtlMs ?? 0);
  const iat = Math.floor(ctx.now);
  const t = signJwt({ typ, sub, jti: randomId(typ === 'access' ? 't' : 'r', () => ctx.random()), iat, exp: iat + ttlMs }, s.p.secret);
  ctx.trace('jwt.issue', { sub, jti: t.jti, typ, exp: t.exp, ttlMs, parent, store: typ === 'refresh' ? s.redisNode : null });
  ctx.metric('jwt.issued');
  return { s: { ...s, issued: s.issued + 1 }, t };
}

const refreshKey = (jti: string) => `refresh:${jti}`;
const denyKey = (jti: string) => `deny:${jti}`;

/**
 * How long a denylist entry must live: until no app can accept the token any more. An app
 * checks exp first and asks Redis after, so the entry outlives exp (plus leeway) by the
 * longest that lookup may take; otherwise a request that passed the exp check just before the
 * deadline finds the entry already gone.
 */
function denyTtl(t: Jwt, s: AppState, ctx: Ctx): number {
  return Math.max(1, Math.ceil(t.exp + s.p.leewayMs + s.p.redisTimeoutMs - ctx.now));
}

// ---- requests ----

function newJob(s: AppState, req: HttpReq, from: string, ctx: Ctx): { s: AppState; job: Job } {
  const job: Job = { id: s.nextJob, from, req, origin: req.origin ?? from, recv: ctx.monotonic, trips: 0, step: 'get-load', sid: req.cookie ?? null, user: null, token: null, refresh: null, denied: false };
  return { s: { ...s, nextJob: s.nextJob + 1 }, job };
}

function onMemory(s: AppState, job: Job, ctx: Ctx): AppState {
  const req = job.req;
  if (req.op === 'login') {
    const user = req.user ?? job.origin;
    const sid = randomId('s', () => ctx.random());
    ctx.trace('session.create', { sid, user, store: 'memory', where: ctx.self, maxInactiveMs: s.p.maxInactiveMs });
    const sessions = { ...s.sessions, [sid]: { user, createdAt: ctx.now, lastAccess: ctx.now } };
    return respond({ ...s, sessions }, { ...job, sid, user }, { status: 200, user, cookie: sid }, ctx);
  }
  const sid = req.cookie;
  if (sid === undefined) return respond(s, job, { status: 401, reason: 'no session cookie' }, ctx);
  const held = s.sessions[sid];
  if (!held) return respond(s, job, { status: 401, reason: 'no session' }, ctx);
  if (isExpired({ lastAccessedTime: held.lastAccess, maxInactiveMs: s.p.maxInactiveMs }, ctx.now)) {
    ctx.trace('session.destroy', { sid, user: held.user, store: 'memory', where: ctx.self, why: 'expired' });
    return respond({ ...s, sessions: without(s.sessions, sid) }, job, { status: 401, reason: 'session expired', user: held.user }, ctx);
  }
  if (req.op === 'logout') {
    ctx.trace('session.destroy', { sid, user: held.user, store: 'memory', where: ctx.self, why: 'logout' });
    return respond({ ...s, sessions: without(s.sessions, sid) }, job, { status: 200, user: held.user }, ctx);
  }
  if (req.op === 'refresh') return respond(s, job, { status: 400, reason: 'sessions have no refresh' }, ctx);
  const sessions = { ...s.sessions, [sid]: { ...held, lastAccess: ctx.now } };
  return respond({ ...s, sessions }, job, { status: 200, user: held.user }, ctx);
}

function onRedisSession(s: AppState, job: Job, ctx: Ctx): AppState {
  const req = job.req;
  if (req.op === 'login') {
    const user = req.user ?? job.origin;
    const sid = randomId('s', () => ctx.random());
    return ask(s, { ...job, sid, user }, 'login-save', createArgv(sid, user, ctx.now, s.p.maxInactiveMs), ctx);
  }
  if (req.op === 'refresh') return respond(s, job, { status: 400, reason: 'sessions have no refresh' }, ctx);
  if (req.cookie === undefined) return respond(s, job, { status: 401, reason: 'no session cookie' }, ctx);
  return ask(s, job, req.op === 'logout' ? 'logout-load' : 'get-load', ['HGETALL', sessionKey(req.cookie)], ctx);
}

function onJwt(s0: AppState, job: Job, ctx: Ctx): AppState {
  const req = job.req;
  let s = s0;
  if (req.op === 'login') {
    const user = req.user ?? job.origin;
    const a = issue(s, 'access', user, null, ctx);
    s = a.s;
    if (s.p.refreshTtlMs === undefined) return respond(s, { ...job, user }, { status: 200, user, token: a.t }, ctx);
    const r = issue(s, 'refresh', user, null, ctx);
    return ask(r.s, { ...job, user, token: a.t, refresh: r.t }, 'jwt-login', ['SET', refreshKey(r.t.jti), user, 'PX', String(s.p.refreshTtlMs)], ctx);
  }
  const t = req.token;
  if (t === undefined) return respond(s, job, { status: 401, reason: 'no token' }, ctx);
  if (req.op === 'refresh') {
    if (s.p.refreshTtlMs === undefined) return respond(s, job, { status: 400, reason: 'no refresh tokens here' }, ctx);
    const v = verifyJwt(t, 'refresh', s.p.secret, ctx.now, s.p.leewayMs);
    if (!v.ok) return respond(s, job, { status: 401, reason: v.reason === 'token expired' ? 'refresh token expired' : v.reason, user: t.sub }, ctx);
    // Rotation: the old refresh token is consumed atomically (DEL returns 1 once), so a copy replayed later is refused.
    return ask(s, { ...job, user: t.sub }, 'jwt-consume', ['DEL', refreshKey(t.jti)], ctx);
  }
  if (req.op === 'logout') {
    const j = { ...job, user: t.sub };
    if (s.p.denylist) return ask(s, { ...j, denied: true }, 'jwt-deny', ['SET', denyKey(t.jti), '1', 'PX', String(denyTtl(t, s, ctx))], ctx);
    return logoutRefresh(s, j, ctx);
  }
  const v = verifyJwt(t, 'access', s.p.secret, ctx.now, s.p.leewayMs);
  if (!v.ok) return respond(s, job, { status: 401, reason: v.reason, user: t.sub }, ctx);
  if (s.p.denylist) return ask(s, { ...job, user: t.sub }, 'jwt-check', ['EXISTS', denyKey(t.jti)], ctx);
  return respond(s, job, { status: 200, user: t.sub }, ctx);
}

/** Logout after the denylist step (if any): drop the refresh token, then answer. */
function logoutRefresh(s: AppState, job: Job, ctx: Ctx): AppState {
  const r = job.req.refresh;
  if (r !== undefined && s.p.refreshTtlMs !== undefined && job.step !== 'jwt-logout') return ask(s, job, 'jwt-logout', ['DEL', refreshKey(r.jti)], ctx);
  const t = job.req.token!;
  ctx.trace('jwt.revoke', { sub: t.sub, jti: t.jti, refresh: r?.jti ?? null, denylisted: job.denied, where: s.redisNode, remainingMs: Math.max(0, t.exp - ctx.now) });
  return respond(s, job, { status: 200, user: t.sub }, ctx);
}

function onRequest(s0: AppState, req: HttpReq, from: string, ctx: Ctx): AppState {
  const { s, job } = newJob(s0, req, from, ctx);
  switch (s.p.auth) {
    case 'memory':
      return onMemory(s, job, ctx);
    case 'redis':
      return onRedisSession(s, job, ctx);
    case 'jwt':
      return onJwt(s, job, ctx);
  }
}

// ---- Redis replies ----

function onReply(s: AppState, job: Job, reply: RedisReply, ctx: Ctx): AppState {
  const err = replyError(reply);
  if (err !== null) return respond(s, job, { status: 503, reason: `Redis: ${err}` }, ctx);
  const where = s.redisNode ?? '?';
  const sid = job.sid ?? '';
  switch (job.step) {
    case 'login-save':
      return ask(s, job, 'login-expire', expireArgv(sid, s.p.maxInactiveMs), ctx);
    case 'login-expire':
      ctx.trace('session.create', { sid, user: job.user!, store: 'redis', where, maxInactiveMs: s.p.maxInactiveMs });
      return respond(s, job, { status: 200, user: job.user, cookie: sid }, ctx);
    case 'get-load':
    case 'logout-load': {
      const loaded = parseSession(reply);
      if (loaded === null) return respond(s, job, { status: 401, reason: 'no session' }, ctx);
      const j = { ...job, user: loaded.user };
      if (isExpired(loaded, ctx.now)) return ask(s, j, 'get-drop', ['DEL', sessionKey(sid)], ctx);
      if (job.step === 'logout-load') return ask(s, j, 'logout-del', ['DEL', sessionKey(sid)], ctx);
      return ask(s, j, 'get-touch', touchArgv(sid, ctx.now), ctx);
    }
    case 'get-touch':
      return ask(s, job, 'get-expire', expireArgv(sid, s.p.maxInactiveMs), ctx);
    case 'get-expire':
      return respond(s, job, { status: 200, user: job.user }, ctx);
    case 'get-drop':
      ctx.trace('session.destroy', { sid, user: job.user, store: 'redis', where, why: 'expired' });
      return respond(s, job, { status: 401, reason: 'session expired', user: job.user }, ctx);
    case 'logout-del':
      ctx.trace('session.destroy', { sid, user: job.user, store: 'redis', where, why: 'logout' });
      return respond(s, job, { status: 200, user: job.user }, ctx);
    case 'jwt-login':
      return respond(s, job, { status: 200, user: job.user, token: job.token, refresh: job.refresh }, ctx);
    case 'jwt-check':
      if (reply === 1) return respond(s, job, { status: 401, reason: 'token revoked', user: job.user }, ctx);
      return respond(s, job, { status: 200, user: job.user }, ctx);
    case 'jwt-deny':
    case 'jwt-logout':
      return logoutRefresh(s, job, ctx);
    case 'jwt-consume': {
      if (reply !== 1) return respond(s, job, { status: 401, reason: 'refresh token already used or revoked', user: job.user }, ctx);
      const old = job.req.token!;
      const a = issue(s, 'access', old.sub, old.jti, ctx);
      const r = issue(a.s, 'refresh', old.sub, old.jti, ctx);
      return ask(r.s, { ...job, token: a.t, refresh: r.t }, 'jwt-rotate', ['SET', refreshKey(r.t.jti), old.sub, 'PX', String(s.p.refreshTtlMs ?? 1)], ctx);
    }
    case 'jwt-rotate':
      return respond(s, job, { status: 200, user: job.user, token: job.token, refresh: job.refresh }, ctx);
  }
}

function onMessage(s: AppState, msg: Msg, from: string, ctx: Ctx): AppState {
  if (msg.type === 'http.health') {
    const ok: HttpHealthOkMsg = { type: 'http.health.ok', id: (msg as HttpHealthMsg).id };
    ctx.reply(ok);
    return s;
  }
  if (msg.type === 'http.req') return onRequest(s, msg as HttpReq, from, ctx);
  if (s.io === null) return s;
  const ended = redisConnectionEnded(s.io, msg, from, ctx);
  if (ended) return ended.failed.reduce<AppState>((n, req) => storeFailed(n, req.what, `connection to ${req.to} lost`, ctx), { ...s, io: ended.io });
  const r = redisReply(s.io, msg, from, ctx);
  if (!r) return s;
  const n = { ...s, io: r.io };
  const job = n.jobs[r.req.what];
  return job ? onReply(n, job, r.reply, ctx) : n;
}

function onTimer(s: AppState, payload: unknown, ctx: Ctx): AppState {
  if (s.io === null) return s;
  const t = redisTimedOut(s.io, payload);
  if (!t) return s;
  return storeFailed({ ...s, io: t.io }, t.req.what, `no reply from ${t.req.to}`, ctx);
}

/** A request to the store failed without an answer: the job it served answers 503. */
function storeFailed(s: AppState, what: string, why: string, ctx: Ctx): AppState {
  const job = s.jobs[what];
  if (!job) return s;
  const store = s.p.auth === 'jwt' ? 'token store unavailable' : 'session store unavailable';
  return respond(s, job, { status: 503, reason: `${store} (${why})` }, ctx);
}

/** The Redis node this app uses: the one named, else the first linked one. */
function findRedis(p: Conf, ctx: Ctx): string | null {
  if (p.redis !== undefined) return p.redis;
  return ctx.neighbours().find((n) => ctx.typeOf(n) === 'redis') ?? null;
}

/** Whether this configuration needs Redis at all. */
export function usesRedis(p: { auth?: string; denylist?: boolean; refreshTtlMs?: number }): boolean {
  return p.auth === 'redis' || (p.auth === 'jwt' && (p.denylist === true || p.refreshTtlMs !== undefined));
}

const dur = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`);

/**
 * An app service behind a load balancer: it logs users in and serves their pages, keeping
 * the login in its own memory, in Redis (Spring Session), or in a signed JWT it verifies on
 * its own clock. A crash loses memory sessions and requests in progress, nothing in Redis.
 */
export const appModel: ModelDef<AppParams, AppState> = {
  type: 'app',
  init: (p) => initState(appParams.parse(p)),
  start(s0, ctx) {
    const redisNode = usesRedis(s0.p) ? findRedis(s0.p, ctx) : null;
    const io = redisNode === null ? null : startRedisIo(initRedisIo(redisNode), redisNode, ctx);
    return { ...s0, redisNode, io, jobs: {} };
  },
  onMessage: (s, msg, from, ctx) => onMessage(s, msg, from, ctx),
  onTimer: (s, payload, ctx) => onTimer(s, payload, ctx),
  // Memory sessions and requests in progress are lost; which Redis it uses is configuration.
  crash: (s) => ({ ...initState(s.p), redisNode: s.redisNode }),
  describeTimer: () => p('model.app-service.timerRedis'),
  describeMessage: (msg: Msg) => (isHttp(msg) ? describeHttp(msg) : msg.type),
  narrate(ev, name) {
    switch (ev.type) {
      case 'app.handle': {
        const result = ev.status === 200 ? 'OK' : httpStatus(ev.status, ev.reason);
        return p('model.app-service.handle', { node: name(ev.node), origin: name(ev.origin), route: ev.op, result, trips: ev.trips });
      }
      case 'session.create':
        return ev.store === 'memory'
          ? p('model.app-service.createMemory', { node: name(ev.node), user: ev.user, sid: ev.sid })
          : p('model.app-service.createRedis', { node: name(ev.node), user: ev.user, sid: ev.sid, where: name(ev.where), idle: dur(ev.maxInactiveMs) });
      case 'session.destroy':
        return ev.why === 'logout'
          ? p('model.app-service.destroy', { node: name(ev.node), hasUser: ev.user !== null ? 'yes' : 'no', user: ev.user ?? '', sid: ev.sid, del: ev.store === 'redis' ? p('model.app-service.destroyDel', { where: name(ev.where) }) : '' })
          : p('model.app-service.destroyIdle', { node: name(ev.node), sid: ev.sid });
      case 'jwt.issue':
        if (ev.typ === 'refresh') return p('model.app-service.issueRefresh', { node: name(ev.node), jti: ev.jti, sub: ev.sub, ttl: dur(ev.ttlMs), parent: ev.parent ? p('model.app-service.rotated', { parent: ev.parent }) : '' });
        return p('model.app-service.issueAccess', { node: name(ev.node), jti: ev.jti, sub: ev.sub, ttl: dur(ev.ttlMs), parent: ev.parent ? p('model.app-service.exchange', { parent: ev.parent }) : '' });
      case 'jwt.revoke':
        return p(ev.denylisted ? 'model.app-service.revokeDeny' : 'model.app-service.revokeStateless', { node: name(ev.node), sub: ev.sub, jti: ev.jti, left: dur(ev.remainingMs) });
      default:
        return undefined;
    }
  },
};
