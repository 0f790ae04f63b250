import { galleryEntry } from '../../testing/gallery';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import type { PaymentsState } from '../../models/payments/model';
import { buildSimulation } from '../build';
import { play, scenarioOf } from '../../testing/scenario';
import type { Harness } from '../../testing/harness';

const IDS = ['idempotency-none', 'idempotency-redis', 'idempotency-zk', 'idempotency-crash'];
const STALL: Intervention = { at: 25, kind: 'pause', node: 'payments', durationMs: 1300 };

const charges = (r: Harness) => r.events('payments.charge').filter((e) => e.client === 'c1');
const outcome = (r: Harness, node = 'c1') => r.events('pay.client.done').find((e) => e.node === node);

describe('idempotency scenarios are in the library', () => {
  it.each(IDS)('%s: topic idempotency, notes filled in, monitors attached, on the canvas', (id) => {
    const b = galleryEntry(id, 'idempotency', { maxX: 700, maxY: 400 });
    expect(b.scenario.monitors).toEqual(['single-charge', 'replay-matches-request']);
  });

  it.each(['idempotency-zk', 'idempotency-crash'])('%s replays exactly, and seeking back and forth lands on the same world', (id) => {
    const s = scenarioOf(id);
    const a = buildSimulation(s, { snapshotEvery: 20 });
    const b = buildSimulation(s, { snapshotEvery: 0 });
    a.runUntil(s.playback.untilMs);
    b.runUntil(s.playback.untilMs);
    expect(JSON.stringify(a.trace.slice())).toBe(JSON.stringify(b.trace.slice()));
    const end = a.capture();
    a.seekTime(1500);
    a.seekTime(s.playback.untilMs);
    expect(a.capture()).toEqual(end);
  });
});

describe('idempotency scenarios teach what they say', () => {
  it('idempotency-none: the stalled first request and its retry are both charged', () => {
    const r = play('idempotency-none');
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0];
    expect(v.monitor).toBe('single-charge');
    expect(v.message).toMatch(/^order-42 was charged twice by payments: ch_1 at \d+ ms \(attempt 1\) and ch_2 at \d+ ms \(attempt 2\); the requests carried no idempotency key/);
    // The service wakes at 1325 ms: the first charge then, the retry's 300 ms later.
    expect(charges(r).map((c) => [c.chargeId, c.attempt])).toEqual([
      ['ch_1', 1],
      ['ch_2', 2],
    ]);
    expect(v.t).toBeGreaterThan(1600);
    expect(v.t).toBeLessThan(1700);
    expect(r.metrics['pay.charges']).toBe(2);
    expect(r.metrics['pay.double.charges']).toBe(1);
    // The shop saw one success: the second charge.
    expect(outcome(r)).toMatchObject({ outcome: 'paid', chargeId: 'ch_2', attempts: 2 });
    expect(r.events('pay.client.answer').filter((e) => e.late).map((e) => e.chargeId)).toEqual(['ch_1']);
  });

  it('idempotency-redis: SET NX claims the key, the retry gets 409 then the stored result; a reused key is refused', () => {
    const r = play('idempotency-redis');
    expect(r.violations).toEqual([]);
    expect(charges(r).map((c) => c.chargeId)).toEqual(['ch_1']);
    expect(r.metrics['pay.charges']).toBe(1);
    expect(r.metrics['pay.conflicts']).toBe(1);
    expect(r.metrics['pay.dedupe.hits']).toBe(1);
    expect(outcome(r)).toMatchObject({ outcome: 'paid', chargeId: 'ch_1', attempts: 3 });
    const answers = r.events('pay.client.answer').filter((e) => e.node === 'c1' && !e.late);
    expect(answers.map((e) => [e.code, e.replayed])).toEqual([
      [409, false],
      [200, true],
    ]);
    const claims = r.events('redis.exec').filter((e) => e.argv[0] === 'SET' && e.argv.includes('NX'));
    expect(claims.map((e) => e.reply)).toEqual(['OK', null, null, null]);
    // checkout-2 reuses the key for another order: refused, not handed order-42's receipt.
    expect(outcome(r, 'c2')).toMatchObject({ outcome: 'refused', chargeId: null });
    expect(r.events('payments.reply').find((e) => e.client === 'c2')).toMatchObject({ code: 422, storedFp: 'order-42/30' });
  });

  it('idempotency-zk: the retry’s create fails with NodeExists and it is answered from the znode', () => {
    const r = play('idempotency-zk');
    expect(r.violations).toEqual([]);
    expect(r.metrics['pay.charges']).toBe(1);
    expect(r.metrics['pay.dedupe.hits']).toBe(1);
    const exists = r.events('zk.error').filter((e) => e.op === 'create' && e.path === '/idempotency/order-42');
    expect(exists.map((e) => e.err)).toEqual(['NodeExists', 'NodeExists']);
    expect(outcome(r)).toMatchObject({ outcome: 'paid', chargeId: 'ch_1' });
    const zk = r.sim.node('zk').state as { core: { nodes: Record<string, { data: string }> } };
    expect(zk.core.nodes['/idempotency/order-42'].data).toBe('done order-42/30 ch_1');
  });

  it('idempotency-crash: retries see the key in progress until it expires, then one of them charges once', () => {
    const r = play('idempotency-crash');
    expect(r.violations).toEqual([]);
    expect(r.metrics['pay.charges']).toBe(1);
    expect(r.metrics['pay.pending.expired']).toBe(1);
    expect(r.metrics['pay.conflicts']).toBeGreaterThanOrEqual(2);
    const expired = r.events('redis.expire').find((e) => e.keys.includes('idem:order-42'))!;
    const charge = charges(r)[0];
    // The claim was made at ~50 ms with PX 3000: nobody charges before it runs out.
    expect(expired.t).toBeGreaterThan(3000);
    expect(charge.t).toBeGreaterThan(expired.t);
    const conflicts = r.events('payments.reply').filter((e) => e.code === 409);
    expect(conflicts.every((e) => e.t > 1200 && e.t < expired.t)).toBe(true);
    expect(r.events('payments.claim').map((e) => e.takeover)).toEqual([false, true]);
    expect(outcome(r)).toMatchObject({ outcome: 'paid', chargeId: 'ch_1' });
    // The ledger survived the crash; what was in progress did not.
    const s = r.sim.node('payments').state as PaymentsState;
    expect(s.ledger.map((c) => c.id)).toEqual(['ch_1']);
  });

  it('try this: parameters unchecked, a reused key hands out another order’s receipt', () => {
    const r = play('idempotency-redis', { params: { payments: { checkParams: false } } });
    expect(r.violations.map((v) => v.monitor)).toEqual(['replay-matches-request']);
    // Sentences name nodes by their labels (c2 is labelled checkout-2).
    expect(r.violations[0].message).toMatch(/^checkout-2 asked payments to pay 45 for order-43 with key order-42 and got back the stored result of order-42\/30 \(ch_1\)/);
    expect(outcome(r, 'c2')).toMatchObject({ outcome: 'paid', chargeId: 'ch_1' });
  });

  it('try this: a stall longer than the claim’s TTL lets the retry charge again; a ZooKeeper claim cannot expire', () => {
    const long = (durationMs: number): Intervention[] => [{ ...STALL, durationMs }];
    const redis = play('idempotency-redis', { interventions: long(3500), untilMs: 6000 });
    expect(redis.violations.map((v) => v.monitor)).toEqual(['single-charge']);
    expect(redis.violations[0].message).toMatch(/found no claim on it/);
    const zk = play('idempotency-zk', { interventions: long(5000), untilMs: 8000 });
    expect(zk.violations).toEqual([]);
    expect(zk.metrics['pay.charges']).toBe(1);
  });

  it('try this: a crash mid-charge — Redis recovers when the claim expires, ZooKeeper keeps answering 409', () => {
    const crash: Intervention[] = [STALL, { at: 1500, kind: 'crash', node: 'payments' }, { at: 2000, kind: 'restart', node: 'payments' }];
    const redis = play('idempotency-redis', { interventions: crash, untilMs: 6000 });
    expect(redis.violations).toEqual([]);
    expect(outcome(redis)).toMatchObject({ outcome: 'paid' });
    expect(redis.metrics['pay.pending.expired']).toBe(1);
    const zk = play('idempotency-zk', { interventions: crash, untilMs: 8000 });
    expect(zk.violations).toEqual([]);
    expect(zk.metrics['pay.charges']).toBeUndefined();
    expect(outcome(zk)).toMatchObject({ outcome: 'gave-up', attempts: 8 });
  });

  it('with its key store down the service fails closed: 503, and no charge until it can claim the key', () => {
    const r = play('idempotency-crash', { interventions: [{ at: 0, kind: 'crash', node: 'redis' }, { at: 2500, kind: 'restart', node: 'redis' }], untilMs: 5000 });
    expect(r.violations).toEqual([]);
    const unavailable = r.events('payments.reply').filter((e) => e.code === 503);
    expect(unavailable.length).toBeGreaterThanOrEqual(2);
    expect(charges(r)).toHaveLength(1);
    expect(charges(r)[0].t).toBeGreaterThan(2500);
    expect(outcome(r)).toMatchObject({ outcome: 'paid' });
  });

  it('try this: without the stall, or with a longer timeout, there is no retry and one charge', () => {
    for (const r of [play('idempotency-none', { interventions: [] }), play('idempotency-none', { program: { timeoutMs: 2000 } })]) {
      expect(r.violations).toEqual([]);
      expect(r.metrics['pay.charges']).toBe(1);
      expect(r.metrics['pay.client.retries']).toBeUndefined();
    }
  });
});

describe('idempotency scenarios, on random seeds and fault times', () => {
  const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
  const params = { numRuns: 50 };
  const crash = fc.record({ at: fc.integer({ min: 0, max: 5000 }), downMs: fc.integer({ min: 1, max: 3000 }) });
  // Shorter than the claim's TTL (3000 ms) less the charge (300 ms) and the round trips to Redis.
  const stall = fc.record({ at: fc.integer({ min: 0, max: 5000 }), durationMs: fc.integer({ min: 1, max: 2500 }) });

  it('idempotency-none double-charges on every seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(play('idempotency-none', { seed: s }).violations.map((v) => v.monitor)).toEqual(['single-charge']);
      }),
      params,
    );
  });

  it('with a key in Redis or ZooKeeper, no crash or stall of the service charges twice or replays a receipt to the wrong order', () => {
    fc.assert(
      fc.property(fc.constantFrom('idempotency-redis', 'idempotency-zk', 'idempotency-crash'), seed, fc.array(crash, { maxLength: 2 }), fc.option(stall), (id, s, crashes, pause) => {
        const interventions: Intervention[] = [
          ...(pause ? [{ at: pause.at, kind: 'pause', node: 'payments', durationMs: pause.durationMs } as Intervention] : []),
          ...crashes.flatMap((c) => [{ at: c.at, kind: 'crash', node: 'payments' } as Intervention, { at: c.at + c.downMs, kind: 'restart', node: 'payments' } as Intervention]),
        ];
        const r = play(id, { seed: s, interventions, untilMs: 15000 });
        expect(r.violations).toEqual([]);
        expect(charges(r).length).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });
});
