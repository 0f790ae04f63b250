import type { Intervention } from '../../core/faults';
import { defineGuide } from '../guide';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

// Best-effort notification: a payment platform tells a shop its orders are paid, on Alipay's
// retry schedule (4m, 10m, 10m, 1h, 2h, 6h, 15h after the first try) scaled down 10,000 times
// (24 ms … 5.4 s, about 8.9 s in all), and gives up after the 8th try.

const MONITORS = ['paid-order-known', 'no-double-effect'];

/** The shop is down from 1 s to 15 s: longer than the whole (scaled) schedule for order-2 and order-3. */
const SHOP_DOWN: Intervention[] = [
  { at: 1000, kind: 'crash', node: 'shop' },
  { at: 15000, kind: 'restart', node: 'shop' },
];

function scenario(id: string, title: string, queryBack: boolean): BuiltinScenario['scenario'] {
  return {
    version: 1,
    id,
    title,
    seed: 11,
    nodes: [
      {
        id: 'alipay',
        type: 'notifier',
        label: 'alipay',
        position: { x: 0, y: 120 },
        params: { program: { kind: 'notifier', target: 'shop', orders: 3, intervalMs: 1500, scheduleScale: 0.0001, timeoutMs: 300 } },
      },
      clientNode('shop', 360, 120, { kind: 'notify-receiver', target: 'alipay', orders: 3, processMs: 100, dedupe: true, orderTimeoutMs: 12000, queryBack }, 'shop'),
    ],
    edges: [link('alipay', 'shop')],
    monitors: MONITORS,
    interventions: SHOP_DOWN,
    playback: { startMs: 0, speed: 1, untilMs: 18000 },
  };
}

const TITLE = 'Best-effort notification: the shop is down for the whole retry schedule';

export const bestEffortNotification: BuiltinScenario = {
  id: 'best-effort-notification',
  topic: 'transactions',
  title: TITLE,
  description:
    'alipay takes payment for three orders and calls the shop’s notify URL for each, retrying on Alipay’s schedule (4 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h; scheduleScale 0.0001 plays it in about 9 s), 8 tries, then gives up. The shop dedupes notifications, but is down from 1 s to 15 s, and closes an order it has not heard about within orderTimeoutMs (12 s) as unpaid.',
  watchFor:
    'order-1 is notified before the crash. Every call for order-2 and order-3 is refused (alipay’s card counts the tries); after the 8th, alipay gives up. The shop comes back at 15 s, has heard nothing, and closes both orders as unpaid: the customer paid, the shop cancelled (paid-order-known fails).',
  tryThis: [
    { text: 'Open best-effort-notification-query: the same outage, and the shop asks alipay about orders it has not heard of.', change: { open: 'best-effort-notification-query' } },
    { text: 'Bring the shop back at 5 s instead: a later try gets through and nothing is lost.', change: { interventions: [{ at: 1000, kind: 'crash', node: 'shop' }, { at: 5000, kind: 'restart', node: 'shop' }] } },
    {
      text: 'Set processMs to 400 and dedupe to false on the shop: alipay’s call for order-1 times out after 300 ms, it calls again, and the shop credits order-1 twice (no-double-effect).',
      change: { program: { shop: { processMs: 400, dedupe: false } } },
    },
  ],
  guide: defineGuide(
    [
      { id: 'paid', on: { type: 'notify.paid', node: 'alipay', fields: { order: 'order-1' } } },
      { id: 'credited', on: { type: 'recv.effect', node: 'shop', fields: { order: 'order-1' } } },
      { id: 'down', on: { type: 'fault.crash', node: 'shop' } },
      { id: 'retry', on: { type: 'notify.failed', node: 'alipay', fields: { order: 'order-2' } } },
      { id: 'giveup', on: { type: 'notify.giveup', node: 'alipay', fields: { order: 'order-2' } } },
      { id: 'closed', on: { type: 'recv.close', node: 'shop', fields: { order: 'order-2' } } },
    ],
    {
      en: {
        paid: 'order-1 is paid at alipay, which calls the shop’s notify URL.',
        credited: 'The shop credits order-1 and answers “success”: notification done.',
        down: 'The shop goes down, for 14 s.',
        retry: 'order-2 is paid; the call is refused. alipay will try again after the next step of its schedule (scaled down).',
        giveup: 'Eight tries in about 9 s (25 h in real life), all failed: alipay gives up. Best effort is over.',
        closed: 'The shop comes back, has heard nothing about order-2 past its timeout, and closes it as unpaid. The customer paid for nothing.',
      },
    },
  ),
  scenario: scenario('best-effort-notification', TITLE, false),
};

const QUERY_TITLE = 'Best-effort notification with query-back: the shop asks, and learns of the payment';

export const bestEffortNotificationQuery: BuiltinScenario = {
  id: 'best-effort-notification-query',
  topic: 'transactions',
  title: QUERY_TITLE,
  description:
    'The same outage and the same schedule, but the shop has a safety net (queryBack): when it starts, and before it closes an order, it calls alipay’s query API about every order it has not heard of. An overdue order it asks about with the close API too (alipay.trade.close): alipay closes the trade if it is unpaid, so no payment can land after the shop has given up on it (a plain query would race with a late payment).',
  watchFor:
    'alipay gives up on order-2 and order-3 as before. When the shop comes back at 15 s it asks about both, hears they are paid, and credits them (recv.credits = 3): notification is best effort; the query is what makes it reliable.',
  tryThis: [
    { text: 'Turn queryBack off on the shop: the orders are closed as unpaid (or open best-effort-notification).', change: { program: { shop: { queryBack: false } } } },
    { text: 'Bring the shop back at 5 s: a notification gets through before the shop needs to ask.', change: { interventions: [{ at: 1000, kind: 'crash', node: 'shop' }, { at: 5000, kind: 'restart', node: 'shop' }] } },
  ],
  scenario: scenario('best-effort-notification-query', QUERY_TITLE, true),
};
