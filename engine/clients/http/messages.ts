import type { CloseReason } from '../../core/connection';
import { closePhrase } from '../../core/narrate';
import type { Phrase, Say } from '../../core/phrase';
import { t } from '../say';

/**
 * The HTTP-ish protocol between users, load balancers / gateways and app services. Plain data:
 * a request names an operation, carries the caller's credential (a session cookie or a JWT)
 * and, behind a load balancer, the affinity cookie and the original caller (X-Forwarded-For).
 */

/** A signed token. `sig` is a keyed hash over the other fields, so a changed field fails verification. */
export interface Jwt {
  readonly typ: 'access' | 'refresh';
  /** Subject: the user. */
  readonly sub: string;
  /** Token id: what a denylist or a refresh-token store names. */
  readonly jti: string;
  /** Issued at / expires at, in ms of the issuing server's clock (real JWTs use seconds). */
  readonly iat: number;
  readonly exp: number;
  readonly sig: string;
}

export type HttpOp = 'login' | 'get' | 'logout' | 'refresh';

/** Caller -> server: one request. */
export interface HttpReq {
  readonly type: 'http.req';
  readonly id: number;
  readonly op: HttpOp;
  /** Who logs in (login only). */
  readonly user?: string;
  /** Session cookie (SESSION=…). */
  readonly cookie?: string;
  /** Bearer token (access token; the refresh token for `refresh`). */
  readonly token?: Jwt;
  /** Logout: the refresh token to drop along with the session. */
  readonly refresh?: Jwt;
  /** Sticky-session cookie a load balancer set earlier: the backend to go back to. */
  readonly affinity?: string;
  /** The original caller, set by a proxy (X-Forwarded-For). */
  readonly origin?: string;
}

/** Server -> caller: the answer to request `id`. */
export interface HttpRes {
  readonly type: 'http.res';
  readonly id: number;
  readonly op: HttpOp;
  readonly status: number;
  /** Why it failed (401 / 5xx), in a few words. */
  readonly reason?: string;
  /** The authenticated user, when there is one. */
  readonly user?: string;
  /** A new session cookie (Set-Cookie). */
  readonly cookie?: string;
  /** New tokens (login, refresh). */
  readonly token?: Jwt;
  readonly refresh?: Jwt;
  /** The app server that answered. */
  readonly server?: string;
  /** Sticky-session cookie set by a load balancer. */
  readonly affinity?: string;
}

/** Load balancer -> backend: an active health check (HAProxy `check`). */
export interface HttpHealthMsg {
  readonly type: 'http.health';
  readonly id: number;
}

/** Backend -> load balancer: the health check passed. */
export interface HttpHealthOkMsg {
  readonly type: 'http.health.ok';
  readonly id: number;
}

export type HttpMsg = HttpReq | HttpRes | HttpHealthMsg | HttpHealthOkMsg;

/** Whether `m` belongs to this protocol. */
export function isHttp(m: { type: string }): m is HttpMsg {
  return m.type === 'http.req' || m.type === 'http.res' || m.type === 'http.health' || m.type === 'http.health.ok';
}

const ROUTE: Record<HttpOp, string> = { login: 'POST /login', get: 'GET /page', logout: 'POST /logout', refresh: 'POST /refresh' };

/** A token in a few characters: its id and expiry. */
export function tokenText(t: Jwt): string {
  return `${t.typ === 'refresh' ? 'refresh ' : ''}token ${t.jti} (exp ${(t.exp / 1000).toFixed(1)} s)`;
}

/** The credential a request carries, in words ("cookie s-1a2b", "token t-9f00 (exp 15.0 s)"), or ''. */
export function credentialText(m: { cookie?: string; token?: Jwt }): string {
  if (m.cookie !== undefined) return `cookie ${m.cookie}`;
  if (m.token !== undefined) return tokenText(m.token);
  return '';
}

/** One line for an HTTP message, for narration and the canvas. */
export function describeHttp(m: HttpMsg): Say {
  switch (m.type) {
    case 'http.req': {
      const cred = credentialPhrase(m);
      const user = m.op === 'login' && m.user ? m.user : undefined;
      if (user !== undefined) return cred ? t('httpReqAsWith', { route: ROUTE[m.op], user, cred }) : t('httpReqAs', { route: ROUTE[m.op], user });
      return cred ? t('httpReqWith', { route: ROUTE[m.op], cred }) : t('httpReq', { route: ROUTE[m.op] });
    }
    case 'http.res': {
      const what = m.status === 200 ? 'OK' : m.reason !== undefined ? httpReason(m.reason) : t('httpError');
      const set = m.cookie ? t('httpSetCookie', { cookie: m.cookie }) : m.token ? t('httpSetToken', { token: tokenPhrase(m.token) }) : '';
      return m.server ? t('httpResFrom', { status: m.status, what, set, server: m.server }) : t('httpRes', { status: m.status, what, set });
    }
    case 'http.health':
      return t('httpHealth');
    case 'http.health.ok':
      return t('httpHealthy');
  }
}

/** A token in words ("token j1 (exp 3.0 s)"). */
export function tokenPhrase(tk: Jwt): Phrase {
  return t(tk.typ === 'refresh' ? 'httpRefreshToken' : 'httpToken', { jti: tk.jti, exp: (tk.exp / 1000).toFixed(1) });
}

/** The credential a message carries, in words, or undefined without one. */
export function credentialPhrase(m: { cookie?: string; token?: Jwt }): Phrase | undefined {
  if (m.cookie !== undefined) return t('httpCookie', { cookie: m.cookie });
  if (m.token !== undefined) return tokenPhrase(m.token);
  return undefined;
}

/** The app services' own reasons for refusing a request (engine/models/app-service), by message key. */
const APP_REASONS: Readonly<Record<string, Parameters<typeof t>[0]>> = {
  'no Redis linked': 'httpWhyNoRedis',
  'no session cookie': 'httpWhyNoCookie',
  'no session': 'httpWhyNoSession',
  'session expired': 'httpWhySessionExpired',
  'sessions have no refresh': 'httpWhySessionsNoRefresh',
  'no token': 'httpWhyNoToken',
  'no refresh tokens here': 'httpWhyNoRefreshHere',
  'token revoked': 'httpWhyTokenRevoked',
  'refresh token already used or revoked': 'httpWhyRefreshUsed',
  'bad signature': 'httpWhyBadSignature',
  'wrong token type': 'httpWhyWrongType',
  'token expired': 'httpWhyTokenExpired',
  'refresh token expired': 'httpWhyRefreshExpired',
  'unauthorized': 'httpWhyUnauthorized',
};

/**
 * A response's status code, verbatim, and its reason in words (`401 session expired`), or the
 * code alone without a reason.
 */
export function httpStatus(status: number, reason: string | undefined | null): Say {
  return reason ? t('httpStatusReason', { status, reason: httpReason(reason) }) : String(status);
}

/**
 * A response's reason in words. On the wire it is plain text; the load balancer's reasons (a lost
 * connection as core's closePhrase, no backend, a backend too slow) are worded, anything else is
 * shown as it is.
 */
export function httpReason(reason: string): Say {
  const closed: [RegExp, CloseReason][] = [
    [/^connection reset by (.+)$/, 'reset'],
    [/^connection refused: nothing listens at (.+)$/, 'refused'],
    [/^no answer from (.+) after every retransmission: TCP gave up$/, 'timeout'],
    [/^(.+) closed the connection$/, 'eof'],
  ];
  for (const [re, why] of closed) {
    const m = re.exec(reason);
    if (m) return closePhrase(why, m[1]);
  }
  if (Object.hasOwn(APP_REASONS, reason)) return t(APP_REASONS[reason]);
  if (reason === 'no backend available') return t('httpNoBackend');
  if (reason === 'no answer in time') return t('httpTimedOut');
  const late = /^(.+) did not answer in (\d+(?:\.\d+)?) ms$/.exec(reason);
  return late ? t('httpNoAnswer', { backend: late[1], ms: Number(late[2]) }) : reason;
}
