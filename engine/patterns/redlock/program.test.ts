import { describe, expect, it } from 'vitest';
import type { SimSpec } from '../../core/simulation';
import { jsonInEnglish } from '../../i18n/english';
import { mutualExclusion } from '../../invariants/mutual-exclusion/monitor';
import type { ClientState } from '../../models/client/model';
import { clientParams } from '../../models/client/params';
import { clientView } from '../../models/client/view';
import { ALL_MODELS as MODELS } from '../../registry/register-all';
import { run } from '../../testing/harness';
import { scriptBySource } from '../../clients/redis/scripts';
import { redlockParams } from './params';

/** A view with its phrases read in English. */
const en = <T>(x: T): T => JSON.parse(jsonInEnglish(x)) as T;
import { driftOf, retryWaitOf, validityOf, type RedlockState } from './program';

const LAN = { latency: { kind: 'uniform' as const, minMs: 10, maxMs: 20 } };
const M5 = ['m1', 'm2', 'm3', 'm4', 'm5'];

/** Clients running Redlock over `masters`, each linked to every master and to one storage node. */
function spec(programs: Record<string, Record<string, unknown>>, seed = 1, masters = M5, masterParams: Record<string, unknown> = {}): SimSpec {
  const ids = Object.keys(programs);
  return {
    seed,
    nodes: [
      ...ids.map((id) => ({ id, type: 'client', params: clientParams.parse({ program: { kind: 'redlock', masters, storage: 'storage', timeoutMs: 100, ...programs[id] } }) })),
      ...masters.map((id) => ({ id, type: 'redis', params: { hz: 10, ...masterParams } })),
      { id: 'storage', type: 'storage', params: { fencing: false } },
    ],
    links: ids.flatMap((id) => [...masters.map((m) => ({ id: `${id}-${m}`, source: id, target: m, params: LAN })), { id: `${id}-storage`, source: id, target: 'storage', params: LAN }]),
    monitors: [mutualExclusion],
  };
}

const stateOf = (h: ReturnType<typeof run>, id: string) => (h.sim.node(id).state as ClientState).prog as RedlockState;
/** What the SET and unlock commands a master ran for `client` were, in order ("SET" or "unlock"). */
const commandsOn = (h: ReturnType<typeof run>, master: string, client: string) =>
  h
    .events('redis.exec', master)
    .filter((e) => e.client === client)
    .map((e) => (e.argv[0] === 'EVAL' ? scriptBySource(e.argv[1]) : e.argv[0]));

describe('redlock params', () => {
  it('default to node-redlock’s settings and the docs’ five masters', () => {
    expect(redlockParams.parse({ kind: 'redlock' })).toMatchObject({ masters: M5, ttlMs: 10_000, timeoutMs: 50, retryCount: 10, retryDelayMs: 200, retryJitterMs: 100, driftFactor: 0.01 });
    expect(redlockParams.safeParse({ kind: 'redlock', masters: ['a', 'a'] }).error?.issues[0].message).toBe('expected each master once');
    expect(redlockParams.safeParse({ kind: 'redlock', masters: [] }).success).toBe(false);
  });
});

describe('redlock arithmetic', () => {
  it('drift is round(TTL × driftFactor) + 2 ms, as node-redlock computes it', () => {
    expect(driftOf({ ttlMs: 10_000, driftFactor: 0.01 })).toBe(102);
    expect(driftOf({ ttlMs: 2000, driftFactor: 0.01 })).toBe(22);
    expect(driftOf({ ttlMs: 1234, driftFactor: 0.01 })).toBe(14);
    expect(driftOf({ ttlMs: 1000, driftFactor: 0 })).toBe(2);
  });

  it('validity is TTL − elapsed − drift', () => {
    expect(validityOf({ ttlMs: 10_000, driftFactor: 0.01 }, 30)).toBe(9868);
    expect(validityOf({ ttlMs: 100, driftFactor: 0.01 }, 97)).toBe(0);
  });

  it('the retry wait is retryDelay + floor((2r − 1) × jitter), never below 0', () => {
    const p = { retryDelayMs: 200, retryJitterMs: 100 };
    expect(retryWaitOf(p, 0)).toBe(100);
    expect(retryWaitOf(p, 0.5)).toBe(200);
    expect(retryWaitOf(p, 0.9999)).toBe(299);
    expect(retryWaitOf({ retryDelayMs: 10, retryJitterMs: 100 }, 0)).toBe(0);
  });
});

describe('redlock client', () => {
  it('locks with a majority, reports the validity it computed, and unlocks every master at the end', () => {
    const h = run(spec({ c: { ttlMs: 2000, holdMs: 300 } }), MODELS).runUntil(2000);
    const [q] = h.events('redlock.quorum');
    expect(q).toMatchObject({ outcome: 'locked', granted: M5, of: 5, needed: 3, driftMs: 22 });
    const [att] = h.events('redlock.attempt');
    expect(q.elapsedMs).toBeCloseTo(q.t - att.t, 6);
    expect(q.validityMs).toBeCloseTo(2000 - q.elapsedMs - 22, 6);
    // Parallel: every SET went out at the attempt's start.
    for (const m of M5) expect(commandsOn(h, m, 'c')).toEqual(['SET', 'unlock']);
    const unlocks = h.events('redlock.unlock');
    expect(unlocks.map((e) => e.master).sort()).toEqual(M5);
    expect(unlocks.every((e) => e.removed)).toBe(true);
    expect(h.events('lock.release')[0]).toMatchObject({ ok: true });
    expect(h.events('invariant.violation')).toEqual([]);
  });

  it('a minority of masters down still locks: their votes count against after the timeout', () => {
    const h = run(spec({ c: { ttlMs: 2000, holdMs: 300 } }), MODELS).at(0).crash('m4').crash('m5').runUntil(2000);
    const [q] = h.events('redlock.quorum');
    expect(q).toMatchObject({ outcome: 'locked', granted: ['m1', 'm2', 'm3'] });
    const against = h.events('redlock.vote').filter((v) => v.vote !== 'granted');
    expect(against.map((v) => v.master).sort()).toEqual(['m4', 'm5']);
    expect(h.events('lock.acquire')).toHaveLength(1);
    expect(h.events('lock.acquire')[0].quorum).toEqual(['m1', 'm2', 'm3']);
  });

  it('without a majority it unlocks on every master, even those that refused, then retries; then gives up', () => {
    const h = run(spec({ c: { ttlMs: 2000, holdMs: 300, retryCount: 2 } }), MODELS).at(0).crash('m1').crash('m2').crash('m3').runUntil(3000);
    const quorums = h.events('redlock.quorum');
    expect(quorums.map((q) => q.outcome)).toEqual(['no-majority', 'no-majority', 'no-majority']);
    expect(quorums.map((q) => q.granted)).toEqual([['m4', 'm5'], ['m4', 'm5'], ['m4', 'm5']]);
    // m4 and m5 each ran SET then unlock, three times over.
    expect(commandsOn(h, 'm4', 'c')).toEqual(['SET', 'unlock', 'SET', 'unlock', 'SET', 'unlock']);
    expect(h.events('redlock.unlock')).toHaveLength(15);
    expect(h.events('redlock.giveup')).toHaveLength(1);
    expect(h.events('lock.acquire')).toEqual([]);
    expect(en(clientView(h.sim.node('c').state as ClientState))).toMatchObject({ status: 'failed', detail: 'gave up after 3 attempts' });
  });

  it('a client that loses the vote deletes what it did get, so the winner’s keys are untouched', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const h = run(spec({ a: { ttlMs: 2000, holdMs: 300 }, b: { ttlMs: 2000, holdMs: 300 } }, seed), MODELS).runUntil(3000);
      expect(h.events('invariant.violation'), `seed ${seed}`).toEqual([]);
      expect(h.events('lock.acquire'), `seed ${seed}`).toHaveLength(2);
      // Every failed attempt is followed by one unlock per master.
      const failedAttempts = h.events('redlock.quorum').filter((q) => q.outcome !== 'locked').length;
      const unlocks = h.events('redlock.unlock').length;
      expect(unlocks, `seed ${seed}`).toBe((failedAttempts + 2) * 5);
      // A failed attempt removes exactly the keys it was granted.
      for (const q of h.events('redlock.quorum').filter((e) => e.outcome !== 'locked')) {
        const removed = h
          .events('redlock.unlock', q.node)
          .filter((u) => u.t > q.t && u.removed)
          .slice(0, q.granted.length)
          .map((u) => u.master)
          .sort();
        expect(removed, `seed ${seed}`).toEqual([...q.granted].sort());
      }
    }
  });

  it('retry delays come from the seeded generator: the same seed waits the same, within delay ± jitter', () => {
    const waits = (seed: number) => {
      const h = run(spec({ a: { ttlMs: 2000, holdMs: 600 }, b: { ttlMs: 2000, holdMs: 600, startDelayMs: 100 } }, seed), MODELS).runUntil(3000);
      return h.events('lock.wait').map((w) => w.retryInMs);
    };
    const a = waits(7);
    expect(a.length).toBeGreaterThan(1);
    expect(waits(7)).toEqual(a);
    for (const w of a) expect(w! >= 100 && w! <= 300).toBe(true);
    const others = [8, 9, 10].map(waits);
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
  });

  it('refuses a majority whose validity is shorter than its work, and one reached after the TTL', () => {
    const short = run(spec({ c: { ttlMs: 2000, holdMs: 1990, retryCount: 0 } }), MODELS).runUntil(1000);
    expect(short.events('redlock.quorum')[0]).toMatchObject({ outcome: 'too-short', granted: M5 });
    expect(short.events('redlock.unlock').filter((u) => u.removed)).toHaveLength(5);
    // A 30 ms TTL: the majority arrives after 20-40 ms, past TTL − drift (30 − 2 = 28 ms) on most links.
    const late = run(spec({ c: { ttlMs: 30, holdMs: 1, retryCount: 0, driftFactor: 0 } }, 3), MODELS).runUntil(1000);
    const q = late.events('redlock.quorum')[0];
    expect(q.validityMs).toBeCloseTo(30 - q.elapsedMs - 2, 6);
    expect(q.outcome).toBe(q.validityMs <= 0 ? 'expired' : 'locked');
  });

  it('a larger driftFactor takes more of the validity', () => {
    const h = run(spec({ c: { ttlMs: 1000, holdMs: 100, driftFactor: 0.1 } }), MODELS).runUntil(1000);
    const q = h.events('redlock.quorum')[0];
    expect(q.driftMs).toBe(102);
    expect(q.validityMs).toBeCloseTo(1000 - q.elapsedMs - 102, 6);
  });

  it('its card ticks the masters that granted and counts the validity down on its own clock', () => {
    const h = run(spec({ c: { ttlMs: 2000, holdMs: 1000 } }), MODELS).at(0).crash('m5').runUntil(400);
    const s = stateOf(h, 'c');
    const v = en(clientView(h.sim.node('c').state as ClientState));
    expect(v.status).toBe('holding');
    expect(v.detail).toMatch(/^m1 m2 m3 m4 of 5 · /);
    const [att] = h.events('redlock.attempt');
    expect(v.lease).toEqual({ until: att.t + 2000 - 22, span: s.validityMs, label: 'Redlock validity left' });
    const waiting = run(spec({ c: { ttlMs: 2000, holdMs: 1000 } }), MODELS).runUntil(25);
    expect(en(clientView(waiting.sim.node('c').state as ClientState)).detail).toMatch(/^m1[?✓✗] m2[?✓✗] m3[?✓✗] m4[?✓✗] m5[?✓✗] · attempt 1/);
  });
});
