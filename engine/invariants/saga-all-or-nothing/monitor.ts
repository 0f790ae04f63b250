import type { MonitorDef } from '../../core/monitor';

/**
 * All or nothing for sagas, judged on the databases' committed rows: once every saga begun has
 * ended, each customer has paid exactly the confirmed orders and each item's stock is down by
 * exactly their quantities; a cancelled order's steps were all compensated, once. Money and
 * stock, and the orders and their status, are read from the commits themselves (not from what
 * the services say they did), so a step that committed just before its service crashed still counts. Judged whenever the last
 * open saga ends, and at every commit after that (a compensation run twice after the end).
 * Sentences are in the user's terms: "order-1 confirmed, order-2 cancelled: alice got 40 back
 * that was never taken".
 *
 * Metric: `saga.broken` (times the sagas' outcomes and the rows disagreed).
 */
export interface SagaState {
  orders: Record<string, { amount: number; qty: number; customer: string; item: string; end: 'confirmed' | 'cancelled' | null }>;
  /** Net change of each account's balance and each item's stock since the start. */
  money: Record<string, number>;
  stock: Record<string, number>;
  /** The last sentence reported, so one wrong state is reported once. */
  reported: string | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function judge(s: SagaState): string | null {
  const all = Object.entries(s.orders);
  if (all.length === 0 || all.some(([, o]) => o.end === null)) return null;
  const money: Record<string, number> = {};
  const stock: Record<string, number> = {};
  for (const [, o] of all) {
    money[o.customer] ??= 0;
    stock[o.item] ??= 0;
    if (o.end === 'confirmed') {
      money[o.customer] -= o.amount;
      stock[o.item] -= o.qty;
    }
  }
  const wrong: string[] = [];
  for (const [c, want] of Object.entries(money)) {
    const d = (s.money[c] ?? 0) - want;
    if (d > 0) wrong.push(`${c} got ${d} back that was never taken`);
    if (d < 0) wrong.push(`${c} paid ${-d} for nothing`);
  }
  for (const [item, want] of Object.entries(stock)) {
    const d = (s.stock[item] ?? 0) - want;
    if (d < 0) wrong.push(`${-d} ${item} are reserved for no order`);
    if (d > 0) wrong.push(`${d} ${item} came back that were never taken`);
  }
  if (wrong.length === 0) return null;
  return `${all.map(([id, o]) => `${id} ${o.end}`).join(', ')}: ${wrong.join('; ')}`;
}

export const sagaAllOrNothing: MonitorDef<SagaState> = {
  id: 'saga-all-or-nothing',
  title: 'Every saga ends all done or all undone: customers paid for the confirmed orders only, stock taken for them only',
  watches: ['db.commit'],
  init: () => ({ orders: {}, money: {}, stock: {}, reported: null }),
  onEvent(s0, ev, ctx) {
    if (ev.type !== 'db.commit') return s0;
    const money = { ...s0.money };
    const stock = { ...s0.stock };
    const orders = { ...s0.orders };
    for (const c of ev.changes) {
      if (c.table === 'accounts') money[c.id] = (money[c.id] ?? 0) + num(c.to?.balance) - num(c.from?.balance);
      if (c.table === 'inventory') stock[c.id] = (stock[c.id] ?? 0) + num(c.to?.stock) - num(c.from?.stock);
      // A saga begins with its order row (pending) and ends when the row says confirmed or cancelled.
      if (c.table === 'orders' && c.to) {
        const st = c.to.status;
        orders[c.id] = { amount: num(c.to.amount), qty: num(c.to.qty), customer: String(c.to.customer), item: String(c.to.item), end: st === 'confirmed' || st === 'cancelled' ? st : null };
      }
    }
    const s = { ...s0, money, stock, orders };
    const wrong = judge(s);
    if (wrong === null || wrong === s.reported) return wrong === null ? { ...s, reported: null } : s;
    ctx.violate(wrong, [ev.node], ev.i);
    ctx.metric('saga.broken');
    return { ...s, reported: wrong };
  },
};
