import type { MonitorDef } from '../../core/monitor';
import { p, type Phrase, type Say } from '../../core/phrase';
import { commas, semicolons } from '../say';

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
  orders: Record<string, { amount: number; qty: number; end: 'confirmed' | 'cancelled' | null }>;
  /** Net change of each account's balance and each item's stock since the start (all accounts are the customers', all stock the orders' items). */
  money: Record<string, number>;
  stock: Record<string, number>;
  /** The last sentence reported (as JSON), so one wrong state is reported once. */
  reported: string | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function judge(s: SagaState): Phrase | null {
  const all = Object.entries(s.orders);
  if (all.length === 0 || all.some(([, o]) => o.end === null)) return null;
  const confirmed = all.filter(([, o]) => o.end === 'confirmed');
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const names = (r: Record<string, number>, none: Phrase): Say => {
    const k = Object.keys(r).filter((x) => r[x] !== 0);
    return k.length === 1 ? k[0] : none;
  };
  const wrong: Phrase[] = [];
  const dm = sum(s.money) + confirmed.reduce((a, [, o]) => a + o.amount, 0);
  const who = names(s.money, p('invariants.sagaCustomers'));
  if (dm > 0) wrong.push(p('invariants.sagaGotBack', { who, n: dm }));
  if (dm < 0) wrong.push(p('invariants.sagaPaidForNothing', { who, n: -dm }));
  const ds = sum(s.stock) + confirmed.reduce((a, [, o]) => a + o.qty, 0);
  const what = names(s.stock, p('invariants.sagaItems'));
  if (ds < 0) wrong.push(p('invariants.sagaReserved', { n: -ds, what }));
  if (ds > 0) wrong.push(p('invariants.sagaCameBack', { n: ds, what }));
  if (wrong.length === 0) return null;
  return p('invariants.saga', { ends: commas(all.map(([id, o]) => p('invariants.sagaEnd', { id, end: o.end ?? '' }))), wrong: semicolons(wrong) });
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
        orders[c.id] = { amount: num(c.to.amount), qty: num(c.to.qty), end: st === 'confirmed' || st === 'cancelled' ? st : null };
      }
    }
    const s = { ...s0, money, stock, orders };
    const wrong = judge(s);
    const key = wrong === null ? null : JSON.stringify(wrong);
    if (wrong === null || key === s.reported) return wrong === null ? { ...s, reported: null } : s;
    ctx.violate(wrong, [ev.node], ev.i);
    ctx.metric('saga.broken');
    return { ...s, reported: key };
  },
};
