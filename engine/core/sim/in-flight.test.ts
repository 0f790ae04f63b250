import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoSpec, testModels } from '../../testing/fixtures';
import type { Intervention } from '../faults';
import { Simulation } from '../simulation';
import type { InFlight } from './types';

/** The same list made from scratch by a fresh simulation at the same step: what inFlight must answer. */
function scratch(spec: ReturnType<typeof echoSpec>, interventions: Intervention[], step: number): InFlight[] {
  const s = new Simulation({ ...spec, interventions }, testModels, { snapshotEvery: 0 });
  s.seekStep(step);
  return s.inFlight();
}

const plain = (xs: readonly InFlight[]) => xs.map((m) => ({ ...m }));

describe('messages on the wire', () => {
  it('are answered in the order sent, as a fresh run at the same step would, across steps, seeks back and forth, and a divergent future', () => {
    const spec = echoSpec(5, 4);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ steps: fc.integer({ min: 0, max: 40 }) }), fc.record({ seek: fc.integer({ min: 0, max: 600 }) })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (moves, cut) => {
          // A cut link at some point makes later sends differ from the first run's: the same seq may then be another message.
          const interventions: Intervention[] = cut > 0 ? [{ at: 40 * cut, kind: 'link', edge: 'l0', loss: 0.5, duplicate: 0.3 }] : [];
          const sim = new Simulation({ ...spec, interventions }, testModels, { snapshotEvery: 16 });
          for (const m of moves) {
            if ('steps' in m) for (let i = 0; i < m.steps && sim.step(); i++);
            else sim.seekStep(m.seek);
            const now = sim.inFlight();
            expect(plain(now)).toEqual(plain(scratch(spec, interventions, sim.steps)));
            expect(now.map((x) => x.seq)).toEqual([...now.map((x) => x.seq)].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the record of a message still on the wire, and makes new ones only for messages sent since', () => {
    const sim = new Simulation(echoSpec(5, 4), testModels, { snapshotEvery: 0 });
    for (let i = 0; i < 30; i++) sim.step();
    const before = sim.inFlight();
    sim.step();
    const after = sim.inFlight();
    const kept = after.filter((m) => before.includes(m));
    expect(kept.length).toBeGreaterThan(0);
    // Every message of the second answer that was on the wire at the first is the same record.
    for (const m of after) {
      const was = before.find((b) => b.seq === m.seq);
      if (was) expect(m).toBe(was);
    }
    // And the answers are arrays of their own: a caller may keep one.
    expect(after).not.toBe(before);
  });
});
