import type { Intervention } from '../../core/faults';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// The local message table (transactional outbox + inbox): an order service writes the order
// and its outbox row in one local transaction; a relay polls the outbox, publishes to the
// broker and marks the row sent after SEND_OK (at least once); shipping dedupes by the outbox
// id in an inbox table, in the transaction of its effect. Every link takes 20 ms, so the
// crash below lands exactly between the publish and the mark. Broker times are RocketMQ's
// defaults divided by 25, as in transactional-message.

const LINK = { latency: { kind: 'fixed' as const, ms: 20 } };

/** The relay dies after the broker stored ob-2 and before the row is marked sent; back 400 ms later. */
export const RELAY_CRASH: Intervention[] = [
  { at: 2500, kind: 'crash', node: 'relay' },
  { at: 2900, kind: 'restart', node: 'relay' },
];

const STOCK = 10;

function scenario(id: string, title: string, o: { dedupe: boolean }): BuiltinScenario['scenario'] {
  return {
    version: 1,
    id,
    title,
    seed: 5,
    // Left to right: the order service and its relay | their database and the broker | shipping | its database.
    nodes: [
      clientNode('orders', 0, 0, { kind: 'outbox-order', target: 'order-db', orders: 3, intervalMs: 800, item: 'widget', topic: 'orders' }, 'order service'),
      { id: 'order-db', type: 'db', label: 'order-db', position: { x: 460, y: 0 }, params: { tables: { orders: [], outbox: [] } } },
      clientNode('relay', 0, 330, { kind: 'outbox-relay', target: 'order-db', broker: 'mq', pollMs: 500, markDelayMs: 150 }, 'outbox relay'),
      { id: 'mq', type: 'mq', label: 'broker', position: { x: 460, y: 330 }, params: { queuesPerTopic: 4, delayScale: 0.04, transactionTimeOutMs: 240, transactionCheckIntervalMs: 1200 } },
      clientNode('ship', 920, 330, { kind: 'inbox-consumer', target: 'mq', db: 'ship-db', group: 'shipping', topic: 'orders', item: 'widget', processMs: 100, dedupe: o.dedupe }, 'shipping'),
      { id: 'ship-db', type: 'db', label: 'ship-db', position: { x: 1380, y: 330 }, params: { tables: { inventory: [{ id: 'widget', stock: STOCK, shipped: 0 }], inbox: [] } } },
    ],
    edges: [link('orders', 'order-db', LINK), link('relay', 'order-db', LINK), link('relay', 'mq', LINK), link('mq', 'ship', LINK), link('ship', 'ship-db', LINK)],
    monitors: ['no-double-effect'],
    interventions: RELAY_CRASH,
    playback: { startMs: 0, speed: 0.5, untilMs: 5000 },
  };
}

const TITLE = 'Local message table: the outbox row commits with the order, a relay publishes it, an inbox absorbs the duplicate';

export const localMessageTable: BuiltinScenario = {
  id: 'local-message-table',
  topic: 'transactions',
  title: TITLE,
  description:
    'The order service writes each order and its outbox row (status new) in ONE local transaction on order-db. A relay polls the outbox every 500 ms, publishes each new row to the broker and, only after the broker has it, marks the row sent. shipping takes one widget from stock per order in a local transaction on ship-db that first puts the message’s outbox id into its inbox table. The relay crashes after publishing ob-2, before marking it sent.',
  watchFor:
    'order-db’s card: orders and outbox rows appear together; ob-1 turns sent. ob-2 stays new through the relay’s crash, so the restarted relay publishes it again: the broker stores order-2 twice. shipping’s second try fails on ob-2’s inbox row (ERROR 1062), rolls back and acknowledges: ship-db shows widget stock 7, shipped 3, and three inbox rows for three orders.',
  tryThis: [
    { text: 'Open local-message-table-no-inbox: the same crash, and shipping without its inbox table ships order-2 twice (no-double-effect).', change: { open: 'local-message-table-no-inbox' } },
    { text: 'Remove the crash (Faults tab): every row is published once and marked sent; nothing is duplicated.', change: { interventions: [] } },
    { text: 'Crash the broker instead, at 2000 ms, back at 2600 ms: the relay publishes ob-2 again after a publish that got no SEND_OK, and the restarted broker delivers order-1 again (consume offsets reach disk only every 5 s); shipping’s inbox absorbs every repeat.', change: { interventions: [{ at: 2000, kind: 'crash', node: 'mq' }, { at: 2600, kind: 'restart', node: 'mq' }] } },
  ],
  scenario: scenario('local-message-table', TITLE, { dedupe: true }),
};

const NO_INBOX_TITLE = 'Local message table without an inbox: the republished message ships the order twice';

export const localMessageTableNoInbox: BuiltinScenario = {
  id: 'local-message-table-no-inbox',
  topic: 'transactions',
  title: NO_INBOX_TITLE,
  description:
    'The same order service, outbox and relay, and the same relay crash between publishing ob-2 and marking it sent. shipping keeps no inbox table: it takes a widget from stock for every message it is given. The relay is at least once by design, so the consumer has to be idempotent.',
  watchFor:
    'After the relay restarts, it publishes ob-2 again and shipping ships order-2 a second time: ship-db’s widget row reads stock 6, shipped 4 for three orders, and no-double-effect says “shipping shipped order-2 twice”.',
  tryThis: [
    { text: 'Turn dedupe back on for shipping: the second order-2 hits its inbox row and is absorbed.', change: { program: { ship: { dedupe: true } } } },
    { text: 'Remove the crash (Faults tab): without a duplicate there is nothing to absorb, and the missing inbox goes unnoticed.', change: { interventions: [] } },
  ],
  scenario: scenario('local-message-table-no-inbox', NO_INBOX_TITLE, { dedupe: false }),
};
