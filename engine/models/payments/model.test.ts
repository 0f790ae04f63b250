import { describe, expect, it } from 'vitest';
import type { ModelDef } from '../../core/types';
import { run, type Harness } from '../../testing/harness';
import { linked, peer, peerNode, type PeerState, type RawStep } from '../../testing/peer';
import { redisModel } from '../redis/model';
import { zookeeperModel } from '../zookeeper/model';
import { zookeeperParams } from '../zookeeper/params';
import type { PayRequestMsg, PayResponseMsg } from '../../clients/payments/messages';
import { paymentsModel } from './model';
import { paymentsParams } from './params';

const MODELS = { payments: paymentsModel, redis: redisModel, zookeeper: zookeeperModel, peer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

/** Request `rid` for `order`, at true time `at`, with an idempotency key unless `key` is null. */
const pay = (at: number, rid: number, order: string, amount: number, key: string | null = order, attempt = 1): RawStep => {
  const msg: PayRequestMsg = { type: 'pay.request', rid, order, amount, attempt, ...(key === null ? {} : { key }) };
  return { at, msg };
};

/** A client `u` paying through `payments`, which keeps its keys in `store` (or nowhere). */
function world(params: Record<string, unknown>, steps: RawStep[], store?: 'redis' | 'zookeeper'): Harness {
  const nodes = [
    { id: 'payments', type: 'payments', params: paymentsParams.parse({ chargeMs: 400, ...params, ...(store ? { dedupe: store, store } : {}) }) },
    peerNode('u', 'payments', steps),
    ...(store === 'redis' ? [{ id: 'redis', type: 'redis', params: {} }] : []),
    ...(store === 'zookeeper' ? [{ id: 'zookeeper', type: 'zookeeper', params: zookeeperParams.parse({}) }] : []),
  ];
  return run(linked(nodes, [['u', 'payments'], ...(store ? [['payments', store] as [string, string]] : [])]), MODELS);
}

/** The answers `u` got, in arrival order: code, charge and whether it was replayed. */
const answers = (h: Harness) =>
  (h.sim.node('u').state as PeerState<RawStep>).got
    .filter((g) => g.msg.type !== 'net.closed')
    .map((g) => {
    const m = g.msg as PayResponseMsg;
    return { rid: m.rid, code: m.code, chargeId: m.chargeId, replayed: m.replayed ?? false };
  });

describe('payments without an idempotency store', () => {
  it('charges a retry a second time: the double charge idempotency keys exist to stop', () => {
    const h = world({}, [pay(0, 1, 'o1', 30), pay(100, 2, 'o1', 30)]).runUntil(2000);
    expect(answers(h)).toEqual([
      { rid: 1, code: 200, chargeId: 'ch_1', replayed: false },
      { rid: 2, code: 200, chargeId: 'ch_2', replayed: false },
    ]);
    expect(h.metrics['pay.charges']).toBe(2);
    expect(h.stateOf('payments', 'payments').log.map((l) => l.tone)).toEqual(['ok', 'dup']);
  });

  it('keeps the ledger across a crash and loses the request being charged', () => {
    const h = world({}, [pay(0, 1, 'o1', 30), pay(600, 2, 'o2', 40)]).at(700).crash('payments').at(800).restart('payments').runUntil(2000);
    // o1 was charged at 405; o2's charge was due at 1005, after the crash at 700: no charge, no
    // answer, but u's connection is reset by the crash, so it knows at once (not by a timeout).
    expect(answers(h)).toEqual([{ rid: 1, code: 200, chargeId: 'ch_1', replayed: false }]);
    h.expectEvent('net.closed', { node: 'u', peer: 'payments', reason: 'reset' });
    expect(h.stateOf('payments', 'payments').ledger.map((c) => c.order)).toEqual(['o1']);
    expect(h.stateOf('payments', 'payments').jobs).toEqual([]);
  });
});

describe('payments with Redis keys (SET NX PX, then the result)', () => {
  it('answers a retry during the charge 409, and a later one with the stored result', () => {
    const h = world({}, [pay(0, 1, 'o1', 30), pay(100, 2, 'o1', 30), pay(1000, 3, 'o1', 30)], 'redis').runUntil(2000);
    expect(answers(h)).toEqual([
      { rid: 2, code: 409, chargeId: undefined, replayed: false },
      { rid: 1, code: 200, chargeId: 'ch_1', replayed: false },
      { rid: 3, code: 200, chargeId: 'ch_1', replayed: true },
    ]);
    expect(h.metrics['pay.charges']).toBe(1);
    h.expectEvent('redis.exec', { node: 'redis', argv: ['SET', 'idem:o1', 'pending o1/30', 'NX', 'PX', '3000'] });
    h.expectEvent('payments.reply', { code: 200, replayed: true, storedFp: 'o1/30' });
  });

  it('refuses a key reused for another payment 422, or replays it when checkParams is off', () => {
    const steps = [pay(0, 1, 'o1', 30, 'k'), pay(1000, 2, 'o2', 99, 'k')];
    const strict = world({}, steps, 'redis').runUntil(2000);
    expect(answers(strict).map((a) => a.code)).toEqual([200, 422]);
    strict.expectEvent('payments.reply', { code: 422, detail: 'key k was used for o1/30, not o2/99' });
    const lax = world({ checkParams: false }, steps, 'redis').runUntil(2000);
    expect(answers(lax)).toEqual([
      { rid: 1, code: 200, chargeId: 'ch_1', replayed: false },
      { rid: 2, code: 200, chargeId: 'ch_1', replayed: true },
    ]);
  });

  it('after a crash mid-charge, the pending claim expires and a retry takes over: charged once', () => {
    const h = world({ pendingTtlMs: 1000 }, [pay(0, 1, 'o1', 30), pay(600, 2, 'o1', 30), pay(1500, 3, 'o1', 30)], 'redis')
      .at(200)
      .crash('payments')
      .at(300)
      .restart('payments')
      .runUntil(3000);
    // rid 2 finds the claim of the dead request (409); by rid 3 it has expired, and rid 3 takes over.
    expect(answers(h).map((a) => [a.rid, a.code])).toEqual([
      [2, 409],
      [3, 200],
    ]);
    h.expectEvent('payments.claim', { key: 'o1', takeover: true });
    expect(h.metrics['pay.charges']).toBe(1);
    expect(h.metrics['pay.pending.expired']).toBe(1);
  });

  it('answers 503 when Redis does not answer within timeoutMs, and charges nothing', () => {
    const h = world({ timeoutMs: 300 }, [pay(100, 1, 'o1', 30)], 'redis').at(0).partition('payments-redis').runUntil(2000);
    expect(answers(h).map((a) => a.code)).toEqual([503]);
    h.expectEvent('payments.reply', { code: 503, detail: 'redis did not answer' });
    h.expectNoEvent('payments.charge');
  });
});

describe('payments with ZooKeeper keys (create, NodeExists)', () => {
  it('creates the parent on first use, then claims with a create and replays a retry', () => {
    const h = world({}, [pay(500, 1, 'o1', 30), pay(600, 2, 'o1', 30), pay(2000, 3, 'o1', 30)], 'zookeeper').runUntil(4000);
    expect(answers(h)).toEqual([
      { rid: 2, code: 409, chargeId: undefined, replayed: false },
      { rid: 1, code: 200, chargeId: 'ch_1', replayed: false },
      { rid: 3, code: 200, chargeId: 'ch_1', replayed: true },
    ]);
    expect(h.metrics['pay.charges']).toBe(1);
    expect(Object.keys(h.stateOf('zookeeper', 'zookeeper').core.nodes)).toEqual(expect.arrayContaining(['/idempotency', '/idempotency/o1']));
    expect(h.stateOf('zookeeper', 'zookeeper').core.nodes['/idempotency/o1'].data).toBe('done o1/30 ch_1');
  });
});
