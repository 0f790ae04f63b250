import type { Intervention } from '../../core/faults';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// A choreographed saga: no coordinator, three services that react to each other's events on
// the broker, each with its own database and an inbox table. Every link takes 20 ms; broker
// times are RocketMQ's defaults divided by 25, as in transactional-message.

const LINK = { latency: { kind: 'fixed' as const, ms: 20 } };

/** payment dies after committing order-2's refund, before its answer is on the broker; back 500 ms later. */
export const PAYMENT_CRASH: Intervention[] = [
  { at: 4370, kind: 'crash', node: 'payment' },
  { at: 4870, kind: 'restart', node: 'payment' },
];

const service = (id: string, y: number, role: string, db: string, extra: Record<string, unknown> = {}) =>
  clientNode(id, 0, y, { kind: 'saga-service', target: 'mq', db, role, topic: 'saga', processMs: 100, dedupe: true, ...extra }, `${role} service`);

const ORDERS = [
  { customer: 'alice', amount: 30, item: 'widget', qty: 2 },
  { customer: 'alice', amount: 40, item: 'widget', qty: 4 },
];

const TITLE = 'Saga by choreography: events drive the steps, and the compensations back';

export const sagaChoreography: BuiltinScenario = {
  id: 'saga-choreography',
  topic: 'transactions',
  title: TITLE,
  description:
    'No coordinator: the order service commits an order and publishes order-created; payment debits alice and publishes payment-debited; inventory reserves the widgets and publishes stock-reserved, and the order is confirmed. order-2 wants 4 widgets when 3 are left: inventory publishes stock-failed, payment refunds alice (payment-refunded) and the order service cancels order-2. Each step is one local transaction that also records the event in the service’s inbox table. payment crashes right after committing the refund.',
  watchFor:
    'pay-db’s alice: 100 → 70 → 30, then back to 70; stock-db’s widget 5 → 3 and stays; order-db: order-1 confirmed, order-2 cancelled. After payment’s restart the broker delivers stock-failed again: the inbox holds it, so no second refund, and payment publishes payment-refunded again from what its inbox recorded.',
  tryThis: [
    {
      text: 'Turn dedupe off on the payment service, crashing it at 4290 ms (it is faster without the inbox insert), again right after the refund commits: the redelivered stock-failed refunds alice a second time (110), and saga-all-or-nothing says she got 40 back that was never taken.',
      change: { program: { payment: { dedupe: false } }, interventions: [{ at: 4290, kind: 'crash', node: 'payment' }, { at: 4790, kind: 'restart', node: 'payment' }] },
    },
    { text: 'Remove the crash (Faults tab): each event is handled once; the compensation runs once, backwards from the failed step.', change: { interventions: [] } },
  ],
  scenario: {
    version: 1,
    id: 'saga-choreography',
    title: TITLE,
    seed: 7,
    // Left to right: each service | its database | the broker all of them talk to.
    nodes: [
      service('orders', 0, 'order', 'order-db', { orders: ORDERS, intervalMs: 1500 }),
      { id: 'order-db', type: 'db', label: 'order-db', position: { x: 460, y: 0 }, params: { tables: { orders: [], inbox: [] } } },
      service('payment', 330, 'payment', 'pay-db'),
      { id: 'pay-db', type: 'db', label: 'pay-db', position: { x: 460, y: 330 }, params: { tables: { accounts: [{ id: 'alice', balance: 100 }], inbox: [] } } },
      service('inventory', 660, 'inventory', 'stock-db'),
      { id: 'stock-db', type: 'db', label: 'stock-db', position: { x: 460, y: 660 }, params: { tables: { inventory: [{ id: 'widget', stock: 5 }], inbox: [] } } },
      { id: 'mq', type: 'mq', label: 'broker', position: { x: 920, y: 330 }, params: { queuesPerTopic: 4, delayScale: 0.04, transactionTimeOutMs: 240, transactionCheckIntervalMs: 1200 } },
    ],
    edges: [
      link('orders', 'order-db', LINK),
      link('payment', 'pay-db', LINK),
      link('inventory', 'stock-db', LINK),
      link('orders', 'mq', LINK),
      link('payment', 'mq', LINK),
      link('inventory', 'mq', LINK),
    ],
    monitors: ['saga-all-or-nothing'],
    interventions: PAYMENT_CRASH,
    playback: { startMs: 0, speed: 0.5, untilMs: 6000 },
  },
};
