import { defineGuide } from '../guide';
import type { Intervention } from '../../core/faults';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

type Dedupe = 'none' | 'redis' | 'zookeeper';

const MONITORS = ['single-charge', 'replay-matches-request'];

/** The shop: pays 30 for order-42, gives up on an attempt after 1 s and sends it again. */
const shop = (key: boolean) => ({ kind: 'pay-client', target: 'payments', order: 'order-42', amount: 30, ...(key ? { key: 'order-42' } : {}), timeoutMs: 1000, backoffMs: 400, maxAttempts: 8 });

/** The first request is slow, not lost: the service stalls (a long GC pause) just after it arrives. */
const STALL: Intervention[] = [{ at: 25, kind: 'pause', node: 'payments', durationMs: 1300 }];

function storeNode(dedupe: Dedupe) {
  if (dedupe === 'redis') return [{ id: 'redis', type: 'redis', label: 'redis', position: { x: 640, y: 120 }, params: {} }];
  if (dedupe === 'zookeeper') return [{ id: 'zk', type: 'zookeeper', label: 'zookeeper', position: { x: 640, y: 120 }, params: {} }];
  return [];
}

interface Shape {
  id: string;
  title: string;
  dedupe: Dedupe;
  /** A second client that reuses c1's key for another order. */
  reuse?: boolean;
  interventions: Intervention[];
  untilMs: number;
}

function idempotency(x: Shape): BuiltinScenario['scenario'] {
  const store = x.dedupe === 'redis' ? 'redis' : x.dedupe === 'zookeeper' ? 'zk' : null;
  const clients = x.reuse ? ['c1', 'c2'] : ['c1'];
  return {
    version: 1,
    id: x.id,
    title: x.title,
    seed: 5,
    nodes: [
      clientNode('c1', 0, x.reuse ? 40 : 120, shop(x.dedupe !== 'none'), 'shop'),
      ...(x.reuse
        ? [clientNode('c2', 0, 280, { kind: 'pay-client', target: 'payments', order: 'order-43', amount: 45, key: 'order-42', timeoutMs: 1000, backoffMs: 400, maxAttempts: 8, startDelayMs: 2500 }, 'checkout-2')]
        : []),
      {
        id: 'payments',
        type: 'payments',
        label: 'payments',
        position: { x: 320, y: 120 },
        params: store ? { dedupe: x.dedupe, store, chargeMs: 300, pendingTtlMs: 3000 } : { dedupe: 'none', chargeMs: 300 },
      },
      ...storeNode(x.dedupe),
    ],
    edges: [...clients.map((c) => link(c, 'payments')), ...(store ? [link('payments', store)] : [])],
    monitors: MONITORS,
    interventions: x.interventions,
    playback: { startMs: 0, speed: 0.5, untilMs: x.untilMs },
  };
}

export const idempotencyNone: BuiltinScenario = {
  id: 'idempotency-none',
  topic: 'idempotency',
  title: 'No idempotency key: a slow payment, retried, is charged twice',
  description:
    'The shop pays 30 for order-42. The payment service stalls for 1.3 s (a long GC pause) just after the request arrives, so after 1 s the shop gives up on it and sends the payment again. The first request was slow, not lost, and nothing tells the service that the second one is the same payment.',
  watchFor:
    'When the service wakes at 1.3 s it finishes the first charge (ch_1; the answer goes to a connection the shop already closed) and then runs the retry as a new payment: ch_2 at about 1.6 s, and single-charge fails. The shop sees one successful payment; the card was charged twice (pay.charges = 2).',
  tryThis: [
    { text: 'Open idempotency-redis: the same stall, with an idempotency key claimed in Redis before charging.', change: { open: 'idempotency-redis' } },
    { text: 'Remove the pause (Faults tab): the answer comes in time, there is no retry and one charge.', change: { interventions: [] } },
    { text: 'Raise the shop’s timeoutMs to 2000: waiting longer hides the problem for this stall, not for a longer one.', change: { program: { c1: { timeoutMs: 2000 } } } },
  ],
  guide: defineGuide(
    [
      { id: 'send', on: { type: 'pay.client.send', node: 'c1' } },
      { id: 'stall', on: { type: 'fault.pause', node: 'payments' } },
      { id: 'timeout', on: { type: 'pay.client.timeout', node: 'c1' } },
      { id: 'first', on: { type: 'payments.charge', node: 'payments' } },
      { id: 'twice', on: { type: 'payments.charge', node: 'payments', fields: { attempt: 2 } } },
    ],
    {
      en: {
        send: 'The shop sends a payment of 30 for order-42, with no idempotency key.',
        stall: 'The payment service stalls (a long GC pause) just after the request arrives.',
        timeout: 'After 1 s the shop hears nothing. Lost or just slow? It cannot tell, so it sends the payment again.',
        first: 'The service wakes and charges the first attempt.',
        twice: 'Then it charges the retry too: nothing tells it the two requests are one payment. Charged twice.',
      },
    },
  ),
  scenario: idempotency({ id: 'idempotency-none', title: 'No idempotency key: a slow payment, retried, is charged twice', dedupe: 'none', interventions: STALL, untilMs: 3000 }),
};

export const idempotencyRedis: BuiltinScenario = {
  id: 'idempotency-redis',
  topic: 'idempotency',
  title: 'Idempotency key in Redis: SET NX claims it, the retry gets the stored result',
  description:
    'The same stall, but every attempt carries the key order-42. Before charging, the service claims it with SET idem:order-42 "pending order-42/30" NX PX 3000; after charging it stores "done … ch_1" under the key, then answers. A retry that finds the key answers from it. Later, a second checkout reuses the key for a different order. The claim is only as safe as Redis: a Redis restart forgets it (no persistence here), and a "done" that never reached Redis leaves a pending claim that expires — either way a retry charges again (the Hunt finds it in a few hundred runs). Exactly once needs the charge and its record in one transaction.',
  watchFor:
    'The retry finds the key pending and gets 409 (in progress); after a 400 ms back-off it asks again and gets the stored ch_1 (pay.dedupe.hits = 1) — one charge. At 2.5 s checkout-2 sends key order-42 for order-43 (45): the parameters differ, so it is refused with 422 instead of being told it paid.',
  tryThis: [
    { text: 'Crash payments at 1500 ms, mid-charge, and restart it at 2000 ms: the key stays pending until its 3 s TTL runs out at about 3 s, then a retry takes it over and charges once (or open idempotency-crash).' },
    { text: 'Set checkParams to false on payments: checkout-2 is handed order-42’s receipt and believes it paid (replay-matches-request fails).', change: { params: { payments: { checkParams: false } } } },
    { text: 'Make the pause 3500 ms, longer than pendingTtlMs: the marker expires while the first attempt is still running and the retry charges again — a TTL is a guess about the slowest request.', change: { interventions: [{ at: 25, kind: 'pause', node: 'payments', durationMs: 3500 }] } },
  ],
  scenario: idempotency({ id: 'idempotency-redis', title: 'Idempotency key in Redis: SET NX claims it, the retry gets the stored result', dedupe: 'redis', reuse: true, interventions: STALL, untilMs: 4000 }),
};

export const idempotencyZk: BuiltinScenario = {
  id: 'idempotency-zk',
  topic: 'idempotency',
  title: 'Idempotency key in ZooKeeper: the retry’s create fails with NodeExists',
  description:
    'The same stall, with the keys kept as znodes: the service claims order-42 by creating /idempotency/order-42 ("pending …"), and after charging sets its data to the result. A retry’s create fails with NodeExists, and the service answers from the znode.',
  watchFor:
    'The retry’s create is refused with NodeExists, the znode still says pending, so the shop gets 409; its next try reads "done … ch_1" and gets the stored result. One charge. The znode never expires: no TTL to guess, but nothing frees a claim whose service died.',
  tryThis: [
    { text: 'Crash payments at 1500 ms, mid-charge, and restart it at 2000 ms: the pending znode outlives the crash, every retry gets 409 and the shop gives up after 8 attempts without paying — compare idempotency-redis, where the TTL lets the claim expire.' },
    { text: 'Make the pause 5000 ms: still one charge — a persistent claim cannot expire under a slow request.', change: { interventions: [{ at: 25, kind: 'pause', node: 'payments', durationMs: 5000 }] } },
  ],
  scenario: idempotency({ id: 'idempotency-zk', title: 'Idempotency key in ZooKeeper: the retry’s create fails with NodeExists', dedupe: 'zookeeper', interventions: STALL, untilMs: 4000 }),
};

export const idempotencyCrash: BuiltinScenario = {
  id: 'idempotency-crash',
  topic: 'idempotency',
  title: 'The service dies holding the key: in progress until the claim expires',
  description:
    'The shop pays with key order-42; the service claims the key in Redis (pending, PX 3000) and crashes mid-charge, before any charge or result. It restarts at 1.2 s with nothing in memory. The retries must neither wait forever nor charge twice.',
  watchFor:
    'Retries after the restart find the key pending and get 409 every 400 ms (the shop’s card says so) until the claim’s 3 s TTL runs out at about 3 s; the next retry claims the key again (pay.pending.expired = 1) and charges once. Nothing was charged before the crash, so one charge in all.',
  tryThis: [
    { text: 'Raise pendingTtlMs to 20000: the claim outlives the shop’s patience and it gives up after 8 attempts — a long TTL is safe but slow to recover.', change: { params: { payments: { pendingTtlMs: 20000 } } } },
    { text: 'Move the crash to 370 ms, just after the charge and before the answer: the result was written along with the charge, so the first retry that gets through is given it.' },
  ],
  scenario: idempotency({
    id: 'idempotency-crash',
    title: 'The service dies holding the key: in progress until the claim expires',
    dedupe: 'redis',
    interventions: [
      { at: 200, kind: 'crash', node: 'payments' },
      { at: 1200, kind: 'restart', node: 'payments' },
    ],
    untilMs: 5000,
  }),
};
