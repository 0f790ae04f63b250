import type { BuiltinScenario } from './types';
import type { ScenarioInput } from '../schema';

/** Every call and statement crosses a link in 20 ms, so the moments below are exact. */
const link = { latency: { kind: 'fixed' as const, ms: 20 } };

type Txn = { gid: string; mode: 'tcc' | 'saga'; branches: { svc: string[]; kind: 'debit' | 'credit'; account: string; amount: number }[] };

/** An order service with a TCC coordinator, two account services (service A, service B), each on its bank's database. */
export function tccWorld(o: { id: string; title: string; seed: number; transactions: Txn[]; svc?: Record<string, unknown>; interventions?: ScenarioInput['interventions']; untilMs: number; extraSvc?: boolean; carol?: number; spender?: Txn & { startMs: number } }): ScenarioInput {
  const svc = (id: string, label: string, db: string, y: number) => ({ id, type: 'tcc-svc' as const, label, position: { x: 280, y }, params: { db, ...o.svc } });
  return {
    version: 1,
    id: o.id,
    title: o.title,
    seed: o.seed,
    nodes: [
      { id: 'tc', type: 'tc', label: 'order service', position: { x: 0, y: 110 }, params: { intervalMs: 1500, transactions: o.transactions } },
      svc('pay', 'service A', 'bank-a', 0),
      ...(o.extraSvc ? [svc('pay-2', 'service A2', 'bank-a', 140)] : []),
      svc('recv', 'service B', 'bank-b', o.extraSvc ? 280 : 240),
      { id: 'bank-a', type: 'db', label: 'bank-a', position: { x: 560, y: 0 }, params: { tables: { accounts: [{ id: 'alice', balance: 100, frozen: 0 }, ...(o.carol === undefined ? [] : [{ id: 'carol', balance: o.carol, frozen: 0 }])], barrier: [] } } },
      ...(o.spender ? [{ id: 'shop', type: 'tc' as const, label: 'bob’s shop', position: { x: 0, y: 330 }, params: { startMs: o.spender.startMs, transactions: [{ gid: o.spender.gid, mode: o.spender.mode, branches: o.spender.branches }] } }] : []),
      { id: 'bank-b', type: 'db', label: 'bank-b', position: { x: 560, y: o.extraSvc ? 280 : 240 }, params: { tables: { accounts: [{ id: 'bob', balance: 100, frozen: 0 }], barrier: [] } } },
    ],
    edges: [
      { id: 'tc-pay', source: 'tc', target: 'pay', params: link },
      ...(o.extraSvc ? [{ id: 'tc-pay-2', source: 'tc', target: 'pay-2', params: link }, { id: 'pay-2-bank-a', source: 'pay-2', target: 'bank-a', params: link }] : []),
      { id: 'tc-recv', source: 'tc', target: 'recv', params: link },
      ...(o.spender ? [{ id: 'shop-recv', source: 'shop', target: 'recv', params: link }] : []),
      { id: 'pay-bank-a', source: 'pay', target: 'bank-a', params: link },
      { id: 'recv-bank-b', source: 'recv', target: 'bank-b', params: link },
    ],
    interventions: o.interventions ?? [],
    monitors: ['money-conserved', 'all-or-nothing'],
    playback: { startMs: 0, speed: 1, untilMs: o.untilMs },
  };
}

const debit = (amount: number, svc = ['pay']) => ({ svc, kind: 'debit' as const, account: 'alice', amount });
const credit = (amount: number, account = 'bob') => ({ svc: ['recv'], kind: 'credit' as const, account, amount });

/**
 * TCC over two banks, behind DTM's barrier: a transfer that confirms, one whose second Try
 * fails and is cancelled (alice's frozen money released), and one whose Confirm meets a crashed
 * participant and is retried with backoff until it restarts.
 */
export const tcc: BuiltinScenario = {
  id: 'tcc',
  topic: 'transactions',
  title: 'TCC: Try freezes, Confirm spends, Cancel releases',
  description:
    'An order service (a coordinator like DTM’s server) moves money from alice at bank-a to bob at bank-b as TCC global transactions. order-1: Try freezes 30 of alice’s balance and checks bob’s account, then Confirm spends the frozen 30 and credits bob. order-2 pays dave, who has no account: his Try fails, so the coordinator cancels, and alice’s frozen 20 goes back to her balance. order-3: service A (alice’s account service) crashes just before its Confirm; the coordinator calls again after 1 s, then 2 s (DTM’s retry interval of 10 s, doubling, scaled down), and the second call finds it back.',
  watchFor:
    'The frozen column on bank-a’s card goes up on Try and down on Confirm or Cancel. The coordinator’s card lists each branch’s state and its retries. Every call writes a row (gid/branch/op) into the barrier table. Money is conserved whenever no transaction is in flight.',
  tryThis: [
    {
      text: 'Crash the coordinator itself at 4.75 s, during order-3’s Try phase, and restart it at 6 s: it reads its log and aborts order-3 (cancel every branch it tried).',
      change: { interventions: [{ at: 4750, kind: 'crash', node: 'tc' }, { at: 6000, kind: 'restart', node: 'tc' }] },
    },
  ],
  scenario: tccWorld({
    id: 'tcc',
    title: 'TCC: Try freezes, Confirm spends, Cancel releases',
    seed: 13,
    transactions: [
      { gid: 'order-1', mode: 'tcc', branches: [debit(30), credit(30)] },
      { gid: 'order-2', mode: 'tcc', branches: [debit(20), credit(20, 'dave')] },
      { gid: 'order-3', mode: 'tcc', branches: [debit(10), credit(10)] },
    ],
    interventions: [
      { at: 5100, kind: 'crash', node: 'pay' },
      { at: 7500, kind: 'restart', node: 'pay' },
    ],
    untilMs: 10000,
  }),
};
