import { describe, expect, it } from 'vitest';
import { LIBRARY } from '@/engine/scenario/library';
import { play } from '@/engine/testing/scenario';

/**
 * Each built-in's lesson, as the monitors it breaks on its own: the unsafe ones break, the safe
 * ones hold. A change to the engine or a model (TCP links, a new default) must keep these on
 * every seed, not only on the one the golden trace records.
 */
const LESSONS: Record<string, string[]> = {
  'redis-basics': [],
  'redis-failover': [],
  'zk-basics': [],
  'redis-lock-polling': [],
  'redis-lock-watchdog': [],
  'redis-lock-unsafe-del': ['mutual-exclusion'],
  'redis-lock-expiry': ['mutual-exclusion'],
  'zk-lock': [],
  'zk-lock-herd': [],
  'gc-pause-fencing': ['fencing-order', 'mutual-exclusion'],
  'gc-pause-fencing-safe': [],
  'redis-failover-lock-loss': ['mutual-exclusion'],
  redlock: [],
  // m3 restarts empty while it holds a third of c1's bare majority: c2 wins m3, m4, m5.
  'redlock-restart-without-persistence': ['mutual-exclusion'],
  // c1 pauses past its validity; the keys expire and c2 gets all five while c1 is mid-work.
  'redlock-gc-pause': ['mutual-exclusion'],
  'redis-sentinel-failover-lock-loss': ['mutual-exclusion'],
  'lock-showdown': [],
  'zk-ensemble-failover': [],
  'zk-stale-read': [],
  'config-watch': ['every-change-notified'],
  'config-watch-persistent': [],
  'idempotency-none': ['single-charge'],
  'idempotency-redis': [],
  'idempotency-zk': [],
  'idempotency-crash': [],
  'session-store': ['no-unexpected-logout'],
  'session-store-redis': [],
  'session-jwt': ['no-access-after-logout'],
  'session-jwt-denylist': [],
  // The fixed window, and Sentinel's two-bucket window, let more than the limit through across a boundary.
  'rate-limit-fixed-window': ['rate-bound'],
  'rate-limit-sliding-window': [],
  'rate-limit-leaky-bucket': [],
  'rate-limit-token-bucket': [],
  'rate-limit-guava': [],
  'rate-limit-gateway': [],
  'rate-limit-sentinel': ['rate-bound'],
  'rate-limit-showdown': ['rate-bound'],
  'xa-2pc': [],
  tcc: [],
  'tcc-empty-rollback': ['all-or-nothing'],
  'tcc-hanging': ['all-or-nothing'],
  'tcc-duplicate-confirm': ['all-or-nothing', 'money-conserved'],
  saga: [],
  'saga-isolation': ['all-or-nothing'],
  // A DBA commits an in-doubt branch by hand; the coordinator's recovery rolls the other back.
  'xa-heuristic': ['money-conserved', 'xa-atomic'],
  'transactional-message': [],
  // A check listener that answers UNKNOWN forever: the half message is discarded after the last check.
  'transactional-message-unknown': ['message-delivered'],
  // A consumer that always fails: the committed message ends in the DLQ.
  'transactional-message-dlq': ['message-delivered'],
  'local-message-table': [],
  'saga-choreography': [],
  // The relay crashes between publishing ob-2 and marking it sent; without an inbox, order-2 ships twice.
  'local-message-table-no-inbox': ['no-double-effect'],
  // The shop is down for the whole retry schedule and never asks: a paid order is closed as unpaid.
  'best-effort-notification': ['paid-order-known'],
  'best-effort-notification-query': [],
  // Every pattern survives bank-b's crash within its deadline; the try-this that keeps it down longer breaks them.
  'tx-showdown': [],
};

describe('every built-in keeps its lesson over 30 seeds', () => {
  it('lists a lesson for every built-in', () => {
    expect(Object.keys(LESSONS).sort()).toEqual(LIBRARY.map((b) => b.id).sort());
  });
  for (const b of LIBRARY) {
    it(b.id, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const broken = [...new Set(play(b.id, { seed }).violations.map((v) => v.monitor))].sort();
        expect(broken, `${b.id} with seed ${seed}`).toEqual(LESSONS[b.id]);
      }
    });
  }
});
