import { httpAnswer, httpSend, httpTimedOut, isHttpTimeout, startHttpIo, type HttpIo } from '../../clients/http/io';
import { httpReason, type HttpRes, type Jwt } from '../../clients/http/messages';
import type { StolenCredentialMsg } from '../../clients/http/stolen';
import type { Msg } from '../../core/msg';
import { p } from '../../core/phrase';
import type { ProgramDef, ProgramView } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { WebUserParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The user is logged in; `cred` is the session id or the access token's id. */
    'user.login': { user: string; server: string | null; cred: string | null };
    /** A page request was refused while the user believed they were logged in. */
    'user.kicked': { user: string; reason: string; server: string | null; cred: string | null };
    /** The user logged out. */
    'user.logout': { user: string; cred: string | null };
    /** A request failed without an answer about the login (5xx, or no answer in time). */
    'user.error': { user: string; op: string; status: number; reason: string };
    /** The user's credential is copied to another node (malware, XSS, a shared laptop). */
    'user.leak': { user: string; to: string; cred: string | null };
  }
}

type Phase = 'starting' | 'login' | 'browsing' | 'refresh' | 'logout' | 'out' | 'done';

export interface WebUserState {
  p: WebUserParams;
  user: string;
  phase: Phase;
  io: HttpIo;
  cookie: string | null;
  token: Jwt | null;
  refresh: Jwt | null;
  /** The balancer's sticky cookie. */
  affinity: string | null;
  /** Pages served. */
  page: number;
  /** Times it was logged out without asking to be. */
  kicked: number;
  errors: number;
  /** The app server that answered last. */
  server: string | null;
  leaked: boolean;
  /** Why it was last refused. */
  lastRefusal: string | null;
}

/** The user's next move: log in, the next page, log out. */
const TIMERS = timerOwner<{ next: NoFields }>('web-user');

const credOf = (s: WebUserState): string | null => s.cookie ?? s.token?.jti ?? null;
const loggedIn = (s: WebUserState) => s.cookie !== null || s.token !== null;

function creds(s: WebUserState): { cookie?: string; token?: Jwt; affinity?: string } {
  return {
    ...(s.cookie !== null ? { cookie: s.cookie } : {}),
    ...(s.token !== null ? { token: s.token } : {}),
    ...(s.affinity !== null ? { affinity: s.affinity } : {}),
  };
}

function later(s: WebUserState, ctx: Ctx): WebUserState {
  ctx.setTimer(s.p.pageEveryMs, TIMERS.make('next'));
  return s;
}

/** The next thing to do: log in, ask for a page, or log out. */
function act(s: WebUserState, ctx: Ctx): WebUserState {
  const to = s.p.target;
  if (!loggedIn(s)) return { ...s, phase: 'login', io: httpSend(s.io, to, { op: 'login', user: s.user, ...(s.affinity !== null ? { affinity: s.affinity } : {}) }, s.p.timeoutMs, ctx) };
  if (s.page >= s.p.pages) {
    if (!s.p.logout) return { ...s, phase: 'done' };
    const refresh = s.refresh !== null ? { refresh: s.refresh } : {};
    return { ...s, phase: 'logout', io: httpSend(s.io, to, { op: 'logout', ...creds(s), ...refresh }, s.p.timeoutMs, ctx) };
  }
  return { ...s, phase: 'browsing', io: httpSend(s.io, to, { op: 'get', ...creds(s) }, s.p.timeoutMs, ctx) };
}

function error(s: WebUserState, res: HttpRes, ctx: Ctx): WebUserState {
  ctx.trace('user.error', { user: s.user, op: res.op, status: res.status, reason: res.reason ?? '' });
  ctx.metric('users.errors');
  return later({ ...s, errors: s.errors + 1, server: res.server ?? s.server }, ctx);
}

function kicked(s: WebUserState, res: HttpRes, ctx: Ctx): WebUserState {
  const reason = res.reason ?? 'unauthorized';
  ctx.trace('user.kicked', { user: s.user, reason, server: res.server ?? null, cred: credOf(s) });
  ctx.metric('users.kicked');
  const n: WebUserState = { ...s, phase: 'out', cookie: null, token: null, refresh: null, kicked: s.kicked + 1, lastRefusal: `${reason}${res.server ? ` (${res.server})` : ''}`, server: res.server ?? s.server };
  return s.p.relogin ? later(n, ctx) : n;
}

function leak(s: WebUserState, ctx: Ctx): WebUserState {
  if (s.p.leakTo === undefined || s.leaked || s.page < s.p.leakAtPage) return s;
  const m: StolenCredentialMsg = { type: 'stolen.credential', owner: s.user, ...creds(s) };
  ctx.send(s.p.leakTo, m);
  ctx.trace('user.leak', { user: s.user, to: s.p.leakTo, cred: credOf(s) });
  return { ...s, leaked: true };
}

function onAnswer(s0: WebUserState, res: HttpRes, ctx: Ctx): WebUserState {
  const s: WebUserState = { ...s0, affinity: res.affinity ?? s0.affinity };
  if (res.status >= 500) return error(s, res, ctx);
  switch (res.op) {
    case 'login': {
      if (res.status !== 200) return error(s, res, ctx);
      const n: WebUserState = { ...s, phase: 'browsing', cookie: res.cookie ?? null, token: res.token ?? null, refresh: res.refresh ?? null, server: res.server ?? null };
      ctx.trace('user.login', { user: s.user, server: res.server ?? null, cred: credOf(n) });
      ctx.metric('users.logins');
      return later(n, ctx);
    }
    case 'get': {
      if (res.status === 200) {
        ctx.metric('users.pages');
        return later(leak({ ...s, page: s.page + 1, server: res.server ?? s.server }, ctx), ctx);
      }
      if (res.status === 401 && res.reason === 'token expired' && s.refresh !== null) {
        // The access token ran out: trade the refresh token for a new pair, then retry the page.
        return { ...s, phase: 'refresh', io: httpSend(s.io, s.p.target, { op: 'refresh', token: s.refresh, ...(s.affinity !== null ? { affinity: s.affinity } : {}) }, s.p.timeoutMs, ctx) };
      }
      if (res.status === 401) return kicked(s, res, ctx);
      return error(s, res, ctx);
    }
    case 'refresh': {
      if (res.status === 200 && res.token) return act({ ...s, token: res.token, refresh: res.refresh ?? s.refresh, server: res.server ?? s.server }, ctx);
      if (res.status === 401) return kicked(s, res, ctx);
      return error(s, res, ctx);
    }
    case 'logout': {
      ctx.trace('user.logout', { user: s.user, cred: credOf(s) });
      ctx.metric('users.logouts');
      return { ...s, phase: 'done', cookie: null, token: null, refresh: null, server: res.server ?? s.server };
    }
  }
}


/**
 * A person using a web app: logs in, views a page every `pageEveryMs` with its session
 * cookie or bearer token, trades an expired access token for a new one when it has a refresh
 * token, logs out after `pages` pages. Logged out unexpectedly, it logs in again. With
 * `leakTo`, its credential is copied to another node (an attacker) after `leakAtPage` pages.
 */
export const webUser: ProgramDef<WebUserParams, WebUserState> = {
  kind: 'web-user',
  init: (p) => ({ p, user: p.user ?? '', phase: 'starting', io: { nextId: 1, pending: null }, cookie: null, token: null, refresh: null, affinity: null, page: 0, kicked: 0, errors: 0, server: null, leaked: false, lastRefusal: null }),
  start(s, ctx) {
    ctx.setTimer(s.p.startDelayMs, TIMERS.make('next'));
    const user = s.p.user ?? ctx.self;
    return { ...webUser.init(s.p), user, io: startHttpIo(ctx) };
  },
  onMessage(s, msg: Msg, _from, ctx) {
    const a = httpAnswer(s.io, msg, ctx);
    return a ? onAnswer({ ...s, io: a.io }, a.res, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const t = httpTimedOut(s.io, payload);
    if (t) return onAnswer({ ...s, io: t.io }, t.res, ctx);
    if (TIMERS.match(payload) === null || s.io.pending !== null || s.phase === 'done') return s;
    if (s.phase === 'out' && !s.p.relogin) return s;
    return act(s, ctx);
  },
  view(s): ProgramView {
    const kicked = s.kicked > 0 ? p('pattern.web-user.kicked', { n: s.kicked }) : '';
    const where = s.server ? ` · ${s.server}` : '';
    switch (s.phase) {
      case 'starting':
        return { status: 'idle', detail: s.p.startDelayMs > 0 ? p('pattern.web-user.startsIn', { user: s.user || p('pattern.web-user.user'), ms: s.p.startDelayMs }) : undefined };
      case 'login':
        return { status: 'waiting', detail: p('pattern.web-user.loggingIn', { kicked, user: s.user }) };
      case 'refresh':
        return { status: 'waiting', detail: p('pattern.web-user.refreshing', { kicked, user: s.user }) };
      case 'browsing':
        return loggedIn(s) ? { status: 'working', detail: p('pattern.web-user.browsing', { kicked, user: s.user, page: s.page, pages: s.p.pages, where }) } : { status: 'waiting', detail: p('pattern.web-user.loggingIn', { kicked, user: s.user }) };
      case 'logout':
        return { status: 'working', detail: p('pattern.web-user.loggingOut', { kicked, user: s.user }) };
      case 'out':
        return { status: 'failed', detail: p('pattern.web-user.loggedOutBy', { user: s.user, why: s.lastRefusal ?? p('pattern.web-user.refused') }) };
      case 'done':
        return { status: 'done', detail: p('pattern.web-user.done', { kicked, user: s.user, n: s.page }) };
    }
  },
  describeTimer: (payload) => p(isHttpTimeout(payload) ? 'pattern.web-user.timerTimeout' : 'pattern.web-user.timerNext'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'user.login':
        return p('pattern.web-user.login', { node: name(ev.node), user: ev.user, by: ev.server ? p('pattern.web-user.by', { server: name(ev.server) }) : '', cred: ev.cred ? p('pattern.web-user.cred', { cred: ev.cred }) : '' });
      case 'user.kicked':
        return p('pattern.web-user.kickedNarr', { node: name(ev.node), reason: httpReason(ev.reason), at: ev.server ? p('pattern.web-user.at', { server: name(ev.server) }) : '' });
      case 'user.logout':
        return p('pattern.web-user.logout', { node: name(ev.node), cred: ev.cred ? p('pattern.web-user.cred', { cred: ev.cred }) : '' });
      case 'user.error':
        return p('pattern.web-user.error', { node: name(ev.node), op: ev.op, status: ev.status, reason: httpReason(ev.reason) });
      case 'user.leak':
        return p('pattern.web-user.leak', { user: ev.user, cred: ev.cred ?? p('pattern.web-user.credential'), to: name(ev.to) });
      default:
        return undefined;
    }
  },
};
