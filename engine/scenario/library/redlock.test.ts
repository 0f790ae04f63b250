import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { galleryEntry } from '../../testing/gallery';
import { play } from '../../testing/scenario';
import { applyChange } from '../change';
import { builtin } from './index';
import { scenarioOf } from '../../testing/scenario';

const IDS = ['redlock', 'redlock-restart-without-persistence', 'redlock-gc-pause'];

/** Built-in `id` with its try-this number `k` applied (its `change`), run to the end, on `seed`. */
function tried(id: string, k: number, seed?: number) {
  const change = builtin(id)!.tryThis[k].change;
  if (!change) throw new Error(`${id} try-this ${k} has no change`);
  return play(applyChange(scenarioOf(id), change), seed === undefined ? {} : { seed });
}

const broken = (h: ReturnType<typeof play>) => h.violations.some((v) => v.monitor === 'mutual-exclusion');

describe('redlock built-ins are in the gallery', () => {
  it.each(IDS)('%s: topic locks, notes filled in, inside its columns', (id) => {
    const b = galleryEntry(id, 'locks', { maxX: 820, maxY: 600 });
    expect(b.scenario.monitors).toContain('mutual-exclusion');
  });
});

describe('redlock: a crashed master does not lose the lock', () => {
  it('every client gets the lock once, one at a time; attempts after the crash count m2 against', () => {
    const r = play('redlock');
    expect(r.violations).toEqual([]);
    expect(r.metrics['redlock.acquisitions']).toBe(3);
    const after = r.events('redlock.quorum').filter((q) => q.t > 300);
    expect(after.length).toBeGreaterThan(0);
    for (const q of after) expect(q.granted).not.toContain('m2');
    expect(r.events('redlock.vote').some((v) => v.master === 'm2' && v.t > 300 && v.vote !== 'granted')).toBe(true);
  });

  it('try this: a second master crashed as well, still one holder at a time and all three served', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = tried('redlock', 0, seed);
      expect(r.violations, `seed ${seed}`).toEqual([]);
      expect(r.metrics['redlock.acquisitions'], `seed ${seed}`).toBe(3);
    }
  });

  it('try this: with three masters down nobody ever locks, and the clients give up', () => {
    const r = tried('redlock', 1);
    expect(r.violations).toEqual([]);
    expect(r.events('lock.acquire')).toEqual([]);
    expect(r.events('redlock.quorum').every((q) => q.outcome === 'no-majority' && q.granted.length <= 2)).toBe(true);
    expect(r.events('redlock.giveup')).toHaveLength(3);
  });

  it('try this: c2 with more work than any validity lets each majority go and gives up after 11 attempts', () => {
    const r = tried('redlock', 2);
    const c2 = r.events('redlock.quorum', 'c2');
    expect(c2.some((q) => q.outcome === 'too-short')).toBe(true);
    expect(c2.every((q) => q.outcome !== 'locked')).toBe(true);
    expect(r.events('redlock.giveup', 'c2')).toEqual([expect.objectContaining({ attempts: 11 })]);
    expect(r.violations).toEqual([]);
  });
});

describe('redlock-restart-without-persistence', () => {
  it('c2 wins m3, m4, m5 while c1 holds m1, m2 and the forgotten m3; the monitor names m3’s crash', () => {
    const r = play('redlock-restart-without-persistence');
    expect(r.events('lock.acquire').map((e) => [e.node, e.quorum])).toEqual([
      ['c1', ['m1', 'm2', 'm3']],
      ['c2', ['m3', 'm4', 'm5']],
    ]);
    const [v] = r.violations;
    expect(v.monitor).toBe('mutual-exclusion');
    expect(v.message).toMatch(/m3 had granted c1's lock, crashed at 300 ms and came back without the key/);
  });

  it('try this: appendfsync always on every master keeps c1’s key on m3, and c2 waits for c1', () => {
    const r = tried('redlock-restart-without-persistence', 0);
    expect(r.violations).toEqual([]);
    const c2 = r.events('lock.acquire', 'c2');
    expect(c2).toHaveLength(1);
    expect(c2[0].t).toBeGreaterThan(r.events('lock.release', 'c1')[0].t);
    expect(r.events('redlock.quorum', 'c2')[0]).toMatchObject({ outcome: 'no-majority', granted: ['m4', 'm5'] });
  });

  it('try this: appendfsync everysec on m3 loses the SET made in the file’s first second, and c2 wins again', () => {
    const r = tried('redlock-restart-without-persistence', 1);
    expect(r.events('redis.aof.load', 'm3')[0]).toMatchObject({ keys: 0, lost: ['lock:report'], mode: 'everysec' });
    expect(broken(r)).toBe(true);
  });

  it('try this: a restart delayed past the TTL keeps the lock safe without persistence', () => {
    const r = tried('redlock-restart-without-persistence', 2);
    expect(r.violations).toEqual([]);
    expect(r.events('lock.acquire', 'c2')[0].t).toBeGreaterThan(r.events('lock.release', 'c1')[0].t);
  });
});

describe('redlock-gc-pause', () => {
  it('c2 gets all five once the keys expire under the frozen c1, and c1’s late write is taken', () => {
    const r = play('redlock-gc-pause');
    expect(r.violations.map((v) => v.monitor)).toEqual(['mutual-exclusion']);
    expect(r.violations[0].message).toMatch(/c1's lock had expired on m\d .* while c1 was frozen/);
    const c1q = r.events('redlock.quorum', 'c1')[0];
    // c1 checked that its work fits: a validity above its 1000 ms of work.
    expect(c1q.outcome).toBe('locked');
    expect(c1q.validityMs).toBeGreaterThan(1000);
    const write = r.events('storage.write').find((w) => w.client === 'c1')!;
    expect(write.t).toBeGreaterThan(3300);
    expect(write.t).toBeGreaterThan(r.events('storage.write').find((w) => w.client === 'c2')!.t);
  });

  it('try this: fencing on the storage changes nothing, since Redlock sends no token', () => {
    const r = tried('redlock-gc-pause', 0);
    expect(broken(r)).toBe(true);
    expect(r.events('storage.reject')).toEqual([]);
    expect(r.events('storage.write').some((w) => w.client === 'c1' && w.t > 3300 && w.token === null)).toBe(true);
  });

  it('try this: a pause shorter than the validity is harmless', () => {
    const r = tried('redlock-gc-pause', 1);
    expect(r.violations).toEqual([]);
  });
});

describe('redlock over random seeds (fast-check)', () => {
  // Measured over seeds 0..199: the restart breaks mutual exclusion on 200 of 200 (the run's
  // timing leaves c2 no way to miss m3, m4 and m5), so "most" is asserted as at least 90 %.
  it('a master restarted without persistence breaks mutual exclusion on most seeds', () => {
    let runs = 0;
    let breaks = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), (seed) => {
        runs++;
        if (broken(play('redlock-restart-without-persistence', { seed }))) breaks++;
      }),
      { numRuns: 60, seed: 16 },
    );
    expect(breaks / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('redlock: one more master crashing and restarting empty, at any moment, never lets two clients in', () => {
    // m2 is down for good (the scenario's own crash), so four masters are left: a holder has at
    // least three keys, and a restart that takes one of them frees at most two for anyone else.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), fc.constantFrom('m1', 'm3', 'm4', 'm5'), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2500 }), (seed, node, at, forMs) => {
        const r = play('redlock', { seed, interventions: [{ at: 300, kind: 'crash', node: 'm2' }, { at, kind: 'crash', node }, { at: at + forMs, kind: 'restart', node }] });
        expect(r.violations).toEqual([]);
      }),
      { numRuns: 40, seed: 18 },
    );
  });

  it('with appendfsync always on every master it holds on every seed', () => {
    const always = Object.fromEntries(['m1', 'm2', 'm3', 'm4', 'm5'].map((m) => [m, { appendonly: true, appendfsync: 'always' }]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), (seed) => {
        const r = play('redlock-restart-without-persistence', { seed, params: always });
        expect(r.violations).toEqual([]);
        expect(r.events('lock.acquire')).toHaveLength(2);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
