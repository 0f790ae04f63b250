import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import type { TraceEventOf } from '../../core/trace-types';
import { aliveAt, arrival, at, crashBetween, foldLedger, initLedger, LEDGER_EVENTS, span, type Cred, type Ledger } from '../credentials';

/**
 * No unexpected logout: an app never refuses a session or token that should still be good — not
 * logged out, not idle past its maxInactiveInterval, not past its lifetime — judged in true time.
 * What it catches: sessions lost with a crashed app server's memory or a Redis restarted
 * without persistence, sessions another server has never seen, tokens judged expired early by a
 * verifier whose clock runs ahead, refresh tokens lost from the store.
 *
 * It also keeps `app.redis.trips.per.request`: Redis round trips per request answered.
 */

export interface NoUnexpectedLogoutState {
  ledger: Ledger;
  reported: string[];
  requests: number;
  trips: number;
}

type Handle = TraceEventOf<'app.handle'>;

/** Why the credential was refused, from what the trace shows. */
function why(l: Ledger, c: Cred, cred: string, ev: Handle): string {
  const app = ev.node;
  const t = arrival(ev);
  if (c.store === 'memory') {
    const crash = crashBetween(l, c.by, c.issuedAt, t);
    if (app !== c.by) {
      return crash !== null
        ? `session ${cred} lived only in ${c.by}'s memory; ${c.by} crashed at ${at(crash)} and ${app}, where the load balancer sent the request, has never seen it`
        : `session ${cred} lives only in ${c.by}'s memory and the load balancer sent the request to ${app}, which has never seen it`;
    }
    return crash !== null ? `${c.by} crashed at ${at(crash)} and lost every session it held in memory` : `${app} lost the session (${ev.reason ?? 'refused'})`;
  }
  if (c.store === 'redis') {
    const crash = crashBetween(l, c.where, c.issuedAt, t);
    if (crash !== null) return `${c.where} crashed at ${at(crash)} and came back empty (no persistence): session ${cred} went with it`;
    return `${app} refused session ${cred} (${ev.reason ?? 'refused'}) although it was used ${span(t - c.lastUsed)} ago`;
  }
  const left = (c.validUntil ?? t) - t;
  const lost = crashBetween(l, c.where, c.issuedAt, t);
  if (c.kind === 'refresh' && lost !== null) return `${c.where} crashed at ${at(lost)} and came back empty (no persistence): refresh token ${cred} went with it`;
  if (ev.reason === 'token expired') {
    return `${app} judged ${cred} expired ${span(left)} before its lifetime ran out: ${app}'s clock is ahead of ${c.by}'s, which stamped its exp`;
  }
  return `${app} refused ${c.kind === 'refresh' ? 'refresh token' : 'token'} ${cred} (${ev.reason ?? 'refused'}) with ${span(left)} of its lifetime left`;
}

function judge(s: NoUnexpectedLogoutState, ev: Handle, ctx: MonitorCtx): NoUnexpectedLogoutState {
  if (ev.status !== 401 || (ev.op !== 'get' && ev.op !== 'refresh') || ev.cred === null) return s;
  // Only a logout puts a token on the denylist; the app that did it may answer after this one.
  if (ev.reason === 'token revoked') return s;
  const c = s.ledger.creds[ev.cred];
  if (!c || !aliveAt(c, arrival(ev), ev.t)) return s;
  ctx.metric('sessions.lost.requests');
  if (s.reported.includes(ev.cred)) return s;
  ctx.metric('sessions.lost');
  const who = ev.origin === c.user ? c.user : `${c.user} (request from ${ctx.name(ev.origin)})`;
  const blamed = c.store === 'memory' ? c.by : (c.where ?? c.by);
  const nodes = [...new Set([ev.origin, ev.node, ...(blamed !== null ? [blamed] : [])])];
  ctx.violate(`${who} was logged out at ${at(ev.t)} without logging out: ${why(s.ledger, c, ev.cred, ev)}`, nodes, ev.i);
  return { ...s, reported: [...s.reported, ev.cred] };
}

export const noUnexpectedLogout: MonitorDef<NoUnexpectedLogoutState> = {
  id: 'no-unexpected-logout',
  title: 'Nobody is logged out before their session or token should end',
  watches: [...LEDGER_EVENTS],
  init: () => ({ ledger: initLedger(), reported: [], requests: 0, trips: 0 }),
  onEvent(s0, ev, ctx) {
    let s = s0;
    if (ev.type === 'app.handle') {
      // Judge against the ledger as it was when the request came in, then record it.
      s = judge(s, ev, ctx);
      s = { ...s, requests: s.requests + 1, trips: s.trips + ev.trips };
      if (s.trips > 0) ctx.setMetric('app.redis.trips.per.request', Math.round((s.trips / s.requests) * 100) / 100);
    }
    const ledger = foldLedger(s.ledger, ev);
    return ledger === s.ledger && s === s0 ? s0 : { ...s, ledger };
  },
};
