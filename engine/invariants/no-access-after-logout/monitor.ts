import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import { p, type Phrase } from '../../core/phrase';
import type { TraceEventOf } from '../../core/trace-types';
import { arrival, at, crashBetween, foldLedger, initLedger, LEDGER_EVENTS, span, type Cred, type Ledger } from '../credentials';

/**
 * No access after logout: once a user has logged out, no app serves a request carrying their
 * session or token that arrived after the logout was answered — whoever sends it (a stolen copy).
 * Sessions are deleted on logout; a stateless JWT cannot be, so it breaks this until its exp
 * unless every app checks a denylist. `auth.revoked.accepted` counts every such request served.
 */

export interface NoAccessAfterLogoutState {
  ledger: Ledger;
  reported: string[];
}

type Handle = TraceEventOf<'app.handle'>;

function why(l: Ledger, c: Cred, cred: string, ev: Handle): Phrase {
  const ended = c.ended!;
  if (c.store === 'token' && !ended.denylisted) {
    const left = (c.validUntil ?? ev.t) - ev.t;
    const life = left > 0 ? p('invariants.naGoodFor', { left: span(left) }) : p('invariants.naExpPassed', { ago: span(-left), node: ev.node });
    return p('invariants.naJwt', { node: ev.node, life });
  }
  if (c.store === 'token') {
    const crash = crashBetween(l, ended.where, ended.at, ev.t);
    if (crash !== null) return p('invariants.naDenylistLost', { where: ended.where ?? '', at: at(crash) });
    return p('invariants.naNotOnDenylist', { node: ev.node, cred });
  }
  return p('invariants.naStillAccepted', { node: ev.node, cred });
}

function judge(s: NoAccessAfterLogoutState, ev: Handle, ctx: MonitorCtx): NoAccessAfterLogoutState {
  if (ev.status !== 200 || ev.cred === null) return s;
  const c = s.ledger.creds[ev.cred];
  if (!c || !c.ended || c.ended.why !== 'logout' || arrival(ev) <= c.ended.at) return s;
  ctx.metric('auth.revoked.accepted');
  if (s.reported.includes(ev.cred)) return s;
  const args = { node: ctx.name(ev.node), user: c.user, kind: c.kind, cred: ev.cred, at: at(ev.t), after: span(arrival(ev) - c.ended.at), why: why(s.ledger, c, ev.cred, ev) };
  ctx.violate(
    ev.origin === c.user ? p('invariants.na', args) : p('invariants.naFrom', { ...args, origin: ctx.name(ev.origin) }),
    [...new Set([ev.origin, ev.node])],
    ev.i,
  );
  return { ...s, reported: [...s.reported, ev.cred] };
}

export const noAccessAfterLogout: MonitorDef<NoAccessAfterLogoutState> = {
  id: 'no-access-after-logout',
  title: 'After a logout, nobody gets in with that session or token',
  watches: [...LEDGER_EVENTS],
  init: () => ({ ledger: initLedger(), reported: [] }),
  onEvent(s0, ev, ctx) {
    const s = ev.type === 'app.handle' ? judge(s0, ev, ctx) : s0;
    const ledger = foldLedger(s.ledger, ev);
    return ledger === s.ledger ? s : { ...s, ledger };
  },
};
