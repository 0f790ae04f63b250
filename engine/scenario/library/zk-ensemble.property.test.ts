import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { play } from '../../testing/scenario';

// The ZooKeeper ensemble with fencing (#16): whatever crashes and partitions hit the servers and
// the links between them and to the clients, no lock is ever granted twice and the storage
// never takes a write with an older token.

const SERVERS = ['z1', 'z2', 'z3'];
const EDGES = ['z1-z2', 'z1-z3', 'z2-z3', ...['c1', 'c2', 'c3'].flatMap((c) => SERVERS.map((z) => `${c}-${z}`))];

const fault = fc.oneof(
  fc.record({ kind: fc.constant('crash' as const), target: fc.constantFrom(...SERVERS), at: fc.integer({ min: 0, max: 6000 }), forMs: fc.integer({ min: 50, max: 5000 }) }),
  fc.record({ kind: fc.constant('partition' as const), target: fc.constantFrom(...EDGES), at: fc.integer({ min: 0, max: 6000 }), forMs: fc.integer({ min: 50, max: 8000 }) }),
);

function interventions(faults: { kind: 'crash' | 'partition'; target: string; at: number; forMs: number }[]): Intervention[] {
  return faults.flatMap((f): Intervention[] =>
    f.kind === 'crash'
      ? [
          { at: f.at, kind: 'crash', node: f.target },
          { at: f.at + f.forMs, kind: 'restart', node: f.target },
        ]
      : [
          { at: f.at, kind: 'partition', edge: f.target },
          { at: f.at + f.forMs, kind: 'heal', edge: f.target },
        ],
  );
}

describe('zk-ensemble-failover under random faults', () => {
  it('no double grant and no stale write, for any schedule of server crashes and cut links', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(fault, { maxLength: 5 }), (seed, faults) => {
        const r = play('zk-ensemble-failover', { seed, interventions: interventions(faults), untilMs: 20_000 });
        const broken = r.violations.map((v) => v.monitor).filter((m) => m === 'mutual-exclusion' || m === 'fencing-order');
        expect(broken).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('with no faults the clients finish every round, on any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const r = play('zk-ensemble-failover', { seed, interventions: [] });
        expect(r.violations).toEqual([]);
        expect(r.metrics['zk-lock.acquisitions']).toBe(6);
      }),
      { numRuns: 20 },
    );
  });
});
