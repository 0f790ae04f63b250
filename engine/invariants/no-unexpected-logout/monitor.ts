import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import { p, type Phrase } from '../../core/phrase';
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
function why(l: Ledger, c: Cred, cred: string, ev: Handle): Phrase {
  const app = ev.node;
  const t = arrival(ev);
  if (c.store === 'memory') {
    const crash = crashBetween(l, c.by, c.issuedAt, t);
    if (app !== c.by) {
      return crash !== null
        ? p('invariants.nulMemoryCrashed', { cred, by: c.by, at: at(crash), app })
        : p('invariants.nulMemoryElsewhere', { cred, by: c.by, app });
    }
    return crash !== null ? p('invariants.nulMemoryLost', { by: c.by, at: at(crash) }) : p('invariants.nulLostSession', { app, reason: ev.reason ?? 'refused' });
  }
  if (c.store === 'redis') {
    const crash = crashBetween(l, c.where, c.issuedAt, t);
    if (crash !== null) return p('invariants.nulStoreCrashed', { where: c.where ?? '', at: at(crash), cred });
    return p('invariants.nulRefusedSession', { app, cred, reason: ev.reason ?? 'refused', ago: span(t - c.lastUsed) });
  }
  const left = (c.validUntil ?? t) - t;
  const lost = crashBetween(l, c.where, c.issuedAt, t);
  if (c.kind === 'refresh' && lost !== null) return p('invariants.nulRefreshLost', { where: c.where ?? '', at: at(lost), cred });
  if (ev.reason === 'token expired') {
    return p('invariants.nulJudgedExpired', { app, cred, left: span(left), by: c.by });
  }
  return p('invariants.nulRefusedToken', { app, kind: c.kind === 'refresh' ? 'refresh' : 'access', cred, reason: ev.reason ?? 'refused', left: span(left) });
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
  const who = ev.origin === c.user ? c.user : p('invariants.userFrom', { user: c.user, origin: ctx.name(ev.origin) });
  const blamed = c.store === 'memory' ? c.by : (c.where ?? c.by);
  const nodes = [...new Set([ev.origin, ev.node, ...(blamed !== null ? [blamed] : [])])];
  ctx.violate(p('invariants.nul', { who, at: at(ev.t), why: why(s.ledger, c, ev.cred, ev) }), nodes, ev.i);
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
