import type { MonitorId } from '@/engine/invariants/catalog';
import type { Violation } from '@/stores/timeline';

/**
 * What each involved node was in a violation, in a word or two, by monitor. A monitor lists
 * its nodes in a fixed order (see its violate call in engine/invariants/<id>/monitor.ts); the
 * roles follow that order. The sentence itself lives once, in the caption and the log. Keyed by
 * MonitorId, so a new monitor without its roles is a type error.
 */
const ROLES: Record<MonitorId, (index: number, count: number) => string> = {
  'mutual-exclusion': (i) => ['second holder', 'holder', 'two inside'][i] ?? 'involved',
  'fencing-order': (i) => ['stale token', 'newer token', 'took stale token'][i] ?? 'involved',
  'single-charge': (i) => ['paid twice', 'charged twice'][i] ?? 'involved',
  'replay-matches-request': (i) => ['wrong replay', 'replayed'][i] ?? 'involved',
  'no-access-after-logout': (i) => ['revoked login', 'let it in'][i] ?? 'involved',
  'no-unexpected-logout': (i) => ['logged out', 'refused it', 'lost the session'][i] ?? 'involved',
  'every-change-notified': () => 'missed a change',
  'no-lost-messages': (i) => ['message lost', 'never got it'][i] ?? 'involved',
  'lock-progress': (i, n) => (i === n - 1 ? 'lock left free' : 'still waiting'),
  'message-delivered': (i) => ['paid here', 'lost it'][i] ?? 'involved',
  'no-double-effect': (i) => (i === 0 ? 'did it twice' : 'sent it again'),
  'paid-order-known': (i) => ['paid here', 'never heard'][i] ?? 'involved',
  'rate-bound': (i) => (i === 0 ? 'over its limit' : 'sent the burst'),
  'money-conserved': (i) => (i === 0 ? 'money off' : 'committed its part'),
  'all-or-nothing': (i) => (i === 0 ? 'settled it' : 'half done'),
  'saga-all-or-nothing': () => 'left it half done',
  'xa-atomic': (i) => (i === 0 ? 'coordinator' : 'mixed outcome'),
  'transfer-settles': (i) => (i === 0 ? 'its transfer' : 'accounts off'),
};

/** Node `id`'s role in violation `v`, as its card's badge says it; the node that caused it says so. */
export function violationRole(v: Violation, id: string): string {
  const i = v.nodes.indexOf(id);
  if (id === v.causeNode && i < 0) return 'cause';
  const role = (ROLES as Record<string, (typeof ROLES)[MonitorId] | undefined>)[v.monitor]?.(i, v.nodes.length) ?? 'involved';
  return id === v.causeNode ? `${role} · cause` : role;
}
