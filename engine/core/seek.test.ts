import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from './faults';
import { echoSpec, testModels } from '../testing/fixtures';
import { Simulation } from './simulation';
import { MAX_SNAPSHOTS } from './sim/time-travel';
import type { MonitorDef } from './monitor';
import { noLostMessages } from '../invariants/no-lost-messages/monitor';

const nodes = ['srv', 'c0', 'c1', 'c2', 'c3'];
const edges = ['l0', 'l1', 'l2', 'l3'];

const interventionArb: fc.Arbitrary<Intervention> = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('crash' as const), node: fc.constantFrom(...nodes) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('restart' as const), node: fc.constantFrom(...nodes) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('pause' as const), node: fc.constantFrom(...nodes), durationMs: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('skew' as const), node: fc.constantFrom(...nodes), deltaMs: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('drift' as const), node: fc.constantFrom(...nodes), drift: fc.double({ min: -0.2, max: 0.2, noNaN: true }) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('partition' as const), edge: fc.constantFrom(...edges) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('heal' as const), edge: fc.constantFrom(...edges) }),
  fc.record({ at: fc.integer({ min: 0, max: 2000 }), kind: fc.constant('link' as const), edge: fc.constantFrom(...edges), loss: fc.double({ min: 0, max: 1, noNaN: true }), duplicate: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const world = (s: Simulation) => JSON.stringify(s.capture());

describe('time travel', () => {
  it('keeps a bounded number of snapshots on a long run, and still lands exactly where a straight run does', () => {
    const spec = echoSpec(4, 3);
    const traveller = new Simulation(spec, testModels, { snapshotEvery: 1 });
    traveller.runUntil(20_000);
    expect(traveller.steps).toBeGreaterThan(4 * MAX_SNAPSHOTS);
    expect(traveller.snapshotsKept).toBeLessThanOrEqual(MAX_SNAPSHOTS);
    for (const step of [1, 77, Math.floor(traveller.steps / 3), traveller.steps - 1, 5]) {
      traveller.seekStep(step);
      const straight = new Simulation(spec, testModels, { snapshotEvery: 0 });
      straight.seekStep(step);
      expect(world(traveller)).toBe(world(straight));
    }
  });

  it('keeps snapshots within their memory budget, spread evenly over the run, and still lands exactly', () => {
    const spec = echoSpec(4, 5);
    const budget = 40_000;
    const traveller = new Simulation(spec, testModels, { snapshotEvery: 5, snapshotBytes: budget });
    traveller.runUntil(20_000);
    const kept = traveller.snapshotsKept;
    expect(traveller.snapshotBytes).toBeLessThanOrEqual(budget);
    // The budget, not the count, is what bounds them here, and it is used: more than half full.
    expect(kept).toBeLessThan(MAX_SNAPSHOTS);
    expect(traveller.snapshotBytes).toBeGreaterThan(budget / 2);
    // Evenly: a seek back to any step re-runs at most about two spacings' worth of steps.
    const steps = (traveller as unknown as { travel: { snapshots: { step: number }[] } }).travel.snapshots.map((s) => s.step);
    const gaps = steps.slice(1).map((s, i) => s - steps[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual((4 * traveller.steps) / kept);
    for (const step of [3, Math.floor(traveller.steps / 2) + 1, traveller.steps - 2, 40]) {
      traveller.seekStep(step);
      const straight = new Simulation(spec, testModels, { snapshotEvery: 0 });
      straight.seekStep(step);
      expect(world(traveller)).toBe(world(straight));
    }
  });

  it('seeking back to T/2 and forward to T equals a straight run to T, on random fault schedules', () => {
    fc.assert(
      // A small memory budget makes the run drop snapshots as it goes.
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(interventionArb, { maxLength: 8 }), fc.integer({ min: 200, max: 2500 }), fc.constantFrom(undefined, 6000), (seed, ivs, T, snapshotBytes) => {
        const spec = { ...echoSpec(4, seed), interventions: ivs, monitors: [noLostMessages as MonitorDef] };
        const straight = new Simulation(spec, testModels, { snapshotEvery: 0 });
        straight.runUntil(T);
        const half = new Simulation(spec, testModels);
        const traveller = new Simulation(spec, testModels, { snapshotEvery: 17, snapshotBytes });
        traveller.runUntil(T);
        traveller.runUntil(T + 500);
        traveller.seekTime(T / 2);
        half.runUntil(T / 2);
        expect(world(traveller)).toBe(world(half));
        traveller.seekTime(T);
        expect(world(traveller)).toBe(world(straight));
        // The trace is the same run: seeking never duplicates or loses events.
        expect(traveller.trace.length).toBeGreaterThanOrEqual(straight.trace.length);
        for (let i = 0; i < straight.trace.length; i++) expect(traveller.trace.get(i)).toEqual(straight.trace.get(i));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('seekStep lands on exactly the state after n events, backwards and forwards', () => {
    const spec = { ...echoSpec(3, 11), interventions: [{ at: 150, kind: 'pause' as const, node: 'srv', durationMs: 100 }] };
    const sim = new Simulation(spec, testModels, { snapshotEvery: 10 });
    const states: string[] = [world(sim)];
    for (let i = 0; i < 120; i++) {
      sim.step();
      states.push(world(sim));
    }
    for (const n of [57, 3, 119, 0, 64, 64, 120, 1]) {
      sim.seekStep(n);
      expect(sim.steps).toBe(n);
      expect(world(sim)).toBe(states[n]);
    }
  });
});
