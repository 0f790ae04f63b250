import { p, type Phrase } from '@/engine/core/phrase';
import type { MonitorId } from '@/engine/invariants/catalog';
import type { Violation } from '@/stores/timeline';

/**
 * What each involved node was in a violation, in a word or two, by monitor. A monitor lists
 * its nodes in a fixed order (see its violate call in engine/invariants/<id>/monitor.ts); the
 * roles follow that order (message keys ui.nodes.role_<key>). The sentence itself lives once, in the caption and the log. Keyed by
 * MonitorId, so a new monitor without its roles is a type error.
 */
const ROLES: Record<MonitorId, (index: number, count: number) => string> = {
  'mutual-exclusion': (i) => ['secondHolder', 'holder', 'twoInside'][i] ?? 'involved',
  'fencing-order': (i) => ['staleToken', 'newerToken', 'tookStaleToken'][i] ?? 'involved',
  'single-charge': (i) => ['paidTwice', 'chargedTwice'][i] ?? 'involved',
  'replay-matches-request': (i) => ['wrongReplay', 'replayed'][i] ?? 'involved',
  'no-access-after-logout': (i) => ['revokedLogin', 'letItIn'][i] ?? 'involved',
  'no-unexpected-logout': (i) => ['loggedOut', 'refusedIt', 'lostSession'][i] ?? 'involved',
  'every-change-notified': () => 'missedChange',
  'no-lost-messages': (i) => ['messageLost', 'neverGotIt'][i] ?? 'involved',
  'lock-progress': (i, n) => (i === n - 1 ? 'lockLeftFree' : 'stillWaiting'),
  'message-delivered': (i) => ['paidHere', 'lostIt'][i] ?? 'involved',
  'no-double-effect': (i) => (i === 0 ? 'didItTwice' : 'sentItAgain'),
  'paid-order-known': (i) => ['paidHere', 'neverHeard'][i] ?? 'involved',
  'rate-bound': (i) => (i === 0 ? 'overLimit' : 'sentBurst'),
  'money-conserved': (i) => (i === 0 ? 'moneyOff' : 'committedPart'),
  'all-or-nothing': (i) => (i === 0 ? 'settledIt' : 'halfDone'),
  'saga-all-or-nothing': () => 'leftHalfDone',
  'xa-atomic': (i) => (i === 0 ? 'coordinator' : 'mixedOutcome'),
  'transfer-settles': (i) => (i === 0 ? 'itsTransfer' : 'accountsOff'),
};

/** Node `id`'s role in violation `v`, as its card's badge says it; the node that caused it says so. */
export function violationRole(v: Violation, id: string): Phrase {
  const i = v.nodes.indexOf(id);
  if (id === v.causeNode && i < 0) return p('ui.nodes.role_cause');
  const role = p(`ui.nodes.role_${(ROLES as Record<string, (typeof ROLES)[MonitorId] | undefined>)[v.monitor]?.(i, v.nodes.length) ?? 'involved'}`);
  return id === v.causeNode ? p('ui.nodes.roleAndCause', { role }) : role;
}
