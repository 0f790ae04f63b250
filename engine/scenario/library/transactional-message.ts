import type { Intervention } from '../../core/faults';
import { defineGuide } from '../guide';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// Transactional messages (RocketMQ): a payment service tells shipping that an order is paid,
// with a half message ended by COMMIT or ROLLBACK after its local transaction, and back-checks
// when the end never comes. Broker times are RocketMQ's defaults divided by 25 (named in the
// texts): transactionTimeOut 6 s -> 240 ms, transactionCheckInterval 30 s -> 1.2 s, delay
// levels x 0.04 (10 s -> 400 ms, 30 s -> 1.2 s, 1 min -> 2.4 s).

const MONITORS = ['message-delivered', 'no-double-effect'];

/** The broker, scaled down 1/25; `extra` overrides. */
const broker = (extra: Record<string, unknown> = {}) => ({
  queuesPerTopic: 4,
  transactionTimeOutMs: 240,
  transactionCheckIntervalMs: 1200,
  transactionCheckMax: 15,
  delayScale: 0.04,
  maxReconsumeTimes: 16,
  ...extra,
});

const producer = (extra: Record<string, unknown> = {}) => ({
  kind: 'tx-producer',
  target: 'mq',
  producerGroup: 'pay-service',
  topic: 'orders',
  orders: 3,
  intervalMs: 800,
  localTxMs: 60,
  afterCommitMs: 100,
  failOrders: ['order-3'],
  ...extra,
});

const consumer = (extra: Record<string, unknown> = {}) => ({ kind: 'mq-consumer', target: 'mq', group: 'shipping', topic: 'orders', processMs: 150, dedupe: true, ...extra });

/** pay-service dies after order-2's local commit, before it can send COMMIT, and comes back. */
const PRODUCER_CRASH: Intervention[] = [
  { at: 1930, kind: 'crash', node: 'pay' },
  { at: 2300, kind: 'restart', node: 'pay' },
];

function scenario(id: string, title: string, o: { broker?: Record<string, unknown>; producer?: Record<string, unknown>; consumer?: Record<string, unknown>; interventions: Intervention[]; untilMs: number; speed?: number }): BuiltinScenario['scenario'] {
  return {
    version: 1,
    id,
    title,
    seed: 3,
    nodes: [
      clientNode('pay', 0, 120, producer(o.producer), 'pay-service'),
      { id: 'mq', type: 'mq', label: 'broker', position: { x: 320, y: 120 }, params: broker(o.broker) },
      clientNode('ship', 640, 120, consumer(o.consumer), 'shipping'),
    ],
    edges: [link('pay', 'mq'), link('mq', 'ship')],
    monitors: MONITORS,
    interventions: o.interventions,
    playback: { startMs: 0, speed: o.speed ?? 0.5, untilMs: o.untilMs },
  };
}

const TITLE = 'Transactional message: half message, local commit, COMMIT, and a back-check after a crash';

export const transactionalMessage: BuiltinScenario = {
  id: 'transactional-message',
  topic: 'transactions',
  title: TITLE,
  description:
    'pay-service tells shipping that an order is paid with a RocketMQ transactional message: a half message first (stored, invisible to shipping), then its local transaction, then COMMIT (or ROLLBACK when the transaction failed). It crashes after committing order-2 locally, before sending COMMIT. Broker times are RocketMQ’s defaults divided by 25: transactionTimeOutMs 240 (6 s), transactionCheckIntervalMs 1200 (30 s).',
  watchFor:
    'order-1 goes through: half, local commit, COMMIT, shipped. order-2’s COMMIT never comes: the broker’s card shows its half message waiting; at the next check scan (2.4 s) it is older than transactionTimeOutMs and the broker asks the restarted pay-service, whose database says committed: COMMIT, and shipping gets it. order-3’s local transaction fails: ROLLBACK, and shipping never sees it.',
  tryThis: [
    { text: 'Open transactional-message-unknown: the same crash, and a check listener that answers UNKNOWN whatever it finds.', change: { open: 'transactional-message-unknown' } },
    {
      text: 'Set dedupe to false on shipping and crash the broker at 3500 ms, back at 4000 ms: consume offsets reach disk every 5 s, so the restarted broker delivers order-1 and order-2 again, and shipping ships them twice (no-double-effect).',
      change: {
        program: { ship: { dedupe: false } },
        add: [
          { at: 3500, kind: 'crash', node: 'mq' },
          { at: 4000, kind: 'restart', node: 'mq' },
        ],
      },
    },
    { text: 'Remove the crash (Faults tab): COMMIT arrives for every order and the broker never checks.', change: { interventions: [] } },
  ],
  guide: defineGuide(
    [
      { id: 'half', on: { type: 'mq.stored', node: 'mq', fields: { key: 'order-1', half: true } } },
      { id: 'local', on: { type: 'txp.local', node: 'pay', fields: { order: 'order-1' } } },
      { id: 'commit', on: { type: 'mq.tx.end', node: 'mq', fields: { key: 'order-1', resolution: 'commit' } } },
      { id: 'shipped', on: { type: 'mqc.effect', node: 'ship', fields: { key: 'order-1' } } },
      { id: 'crash', on: { type: 'fault.crash', node: 'pay' } },
      { id: 'check', on: { type: 'txp.check', node: 'pay', fields: { order: 'order-2' } } },
      { id: 'repaired', on: { type: 'mqc.effect', node: 'ship', fields: { key: 'order-2' } } },
      { id: 'rollback', on: { type: 'mq.tx.end', node: 'mq', fields: { key: 'order-3', resolution: 'rollback' } } },
    ],
    {
      en: {
        half: 'pay-service sends a half message for order-1. The broker stores it, but shipping cannot see it yet.',
        local: 'Only now does pay-service run its local transaction: order-1 is marked paid in its database.',
        commit: 'It sends COMMIT: the broker moves the message into the orders topic, where shipping can see it.',
        shipped: 'shipping consumes order-1 and acknowledges it.',
        crash: 'pay-service commits order-2 locally and crashes before it can send COMMIT. The half message waits on the broker.',
        check: 'Older than transactionTimeOut, the half message is checked with the restarted pay-service: its database says order-2 is paid.',
        repaired: 'The check’s COMMIT makes order-2 visible: shipping gets it after all. The back-check repaired the crash.',
        rollback: 'order-3’s local transaction fails: ROLLBACK, and the half message is dropped. Shipping never hears of an order that was not paid.',
      },
    },
  ),
  scenario: scenario('transactional-message', TITLE, { interventions: PRODUCER_CRASH, untilMs: 5000 }),
};

const UNKNOWN_TITLE = 'Transactional message: a check that answers UNKNOWN forever ends in a discard';

export const transactionalMessageUnknown: BuiltinScenario = {
  id: 'transactional-message-unknown',
  topic: 'transactions',
  title: UNKNOWN_TITLE,
  description:
    'The same crash after order-2’s local commit, but pay-service’s check listener answers UNKNOWN whatever its database says (a bug, or a check that reads a replica that is behind). The broker checks every transactionCheckIntervalMs (1.2 s here, 30 s in RocketMQ) up to transactionCheckMax (15) times, then gives up.',
  watchFor:
    'order-2’s half message on the broker’s card: checks 1/15, 2/15 … 15/15, then it is discarded at about 20.4 s and never delivered. Nobody is told: pay-service took the money, shipping never heard of it (message-delivered fails).',
  tryThis: [
    { text: 'Set checkAnswer back to table on pay-service: the second check answers COMMIT.', change: { program: { pay: { checkAnswer: 'table' } } } },
    { text: 'Raise transactionCheckMax to 30: the run ends with order-2 still being checked; the discard only comes later (about 38 s). UNKNOWN forever is still a loss.', change: { params: { mq: { transactionCheckMax: 30 } } } },
  ],
  scenario: scenario('transactional-message-unknown', UNKNOWN_TITLE, { producer: { checkAnswer: 'unknown' }, interventions: PRODUCER_CRASH, untilMs: 21000, speed: 2 }),
};

const DLQ_TITLE = 'Transactional message: a consumer that keeps failing sends the message to the DLQ';

export const transactionalMessageDlq: BuiltinScenario = {
  id: 'transactional-message-dlq',
  topic: 'transactions',
  title: DLQ_TITLE,
  description:
    'Every message is committed, but shipping cannot handle order-1 (a bug, or data it does not understand) and answers RECONSUME_LATER each time. The broker sends it back through %RETRY%shipping at RocketMQ’s delay levels (3, 4, 5 …: 10 s, 30 s, 1 min, here × delayScale 0.04), and after maxReconsumeTimes retries (3 here, 16 in RocketMQ) into %DLQ%shipping.',
  watchFor:
    'order-1 on the broker’s card: in %RETRY%shipping with its retry count, delivered again after 400 ms, 1.2 s, 2.4 s, then in %DLQ%shipping at about 5.6 s (message-delivered fails: paid, never shipped). order-2 and order-3, in other queues, are shipped meanwhile.',
  tryThis: [
    { text: 'Remove order-1 from shipping’s failOrders: it is shipped at once.', change: { program: { ship: { failOrders: [] } } } },
    { text: 'Raise maxReconsumeTimes to 16 (RocketMQ’s default): order-1 is retried along the whole schedule, up to delay level 18 (2 h, 288 s here); the run ends long before the DLQ.', change: { params: { mq: { maxReconsumeTimes: 16 } } } },
  ],
  scenario: scenario('transactional-message-dlq', DLQ_TITLE, { broker: { maxReconsumeTimes: 3 }, producer: { failOrders: [] }, consumer: { failOrders: ['order-1'] }, interventions: [], untilMs: 6500 }),
};
