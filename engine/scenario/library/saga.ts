import { tccWorld } from './tcc';
import type { BuiltinScenario } from './types';

// Orchestrated sagas on the same coordinator and participants as TCC: each step commits at once
// (no freeze), and a failed step makes the coordinator compensate the steps that ran, in
// reverse, until every compensation succeeds.

const step = (svc: string, kind: 'debit' | 'credit', account: string, amount: number) => ({ svc: [svc], kind, account, amount });

/** A split payment: alice and carol pay bob 80 together; carol has only 10, so her step fails. */
const split = [step('pay', 'debit', 'alice', 40), step('recv', 'credit', 'bob', 80), step('pay', 'debit', 'carol', 40)];

/** The happy path, then T1 -> T2 -> T3 fails -> C3 (nothing to undo) -> C2 -> C1, C2 retried across a crash. */
export const saga: BuiltinScenario = {
  id: 'saga',
  topic: 'transactions',
  title: 'Saga: steps commit at once, compensations run in reverse',
  description:
    'The same order service runs sagas: each step is a local transaction that commits at once, no freezing. order-1 moves 30 from alice to bob in two steps. order-2 is a split payment: alice pays 40, bob is credited 80, then carol’s 40 fails (she has 10). The coordinator compensates in reverse: carol’s failed step (nothing to undo: the barrier sees no action ran), then bob’s credit, then alice’s debit. Service B is down when bob’s compensation is due: it is called again after 1 s, then 2 s (DTM’s retry interval, doubling, scaled down), and the second call finds it back.',
  watchFor: 'The coordinator’s card: order-2’s steps go done, done, failed, then compensated from the bottom up, bob’s with its retries. Money is conserved once order-2 is settled.',
  tryThis: [
    {
      text: 'Turn the barrier off in service A: compensating carol’s failed step now gives her 40 she never paid (an empty compensation), and all-or-nothing says so.',
      change: { params: { pay: { barrier: false } } },
    },
  ],
  scenario: tccWorld({
    id: 'saga',
    title: 'Saga: steps commit at once, compensations run in reverse',
    seed: 29,
    carol: 10,
    transactions: [
      { gid: 'order-1', mode: 'saga', branches: [step('pay', 'debit', 'alice', 30), step('recv', 'credit', 'bob', 30)] },
      { gid: 'order-2', mode: 'saga', branches: split },
    ],
    interventions: [
      { at: 2600, kind: 'crash', node: 'recv' },
      { at: 5000, kind: 'restart', node: 'recv' },
    ],
    untilMs: 10000,
  }),
};

/** No isolation: bob spends the credit of a saga that then fails; the compensation cannot take it back. */
export const sagaIsolation: BuiltinScenario = {
  id: 'saga-isolation',
  topic: 'transactions',
  title: 'Saga without isolation: the credit is spent before it is compensated',
  description:
    'order-1 is the split payment: alice pays 40 and bob is credited 80 before carol’s 40 fails. A saga holds no locks and freezes nothing, so bob sees his 180 at once, and his shop spends 150 of it while order-1 is still running. The compensation must take 80 back from bob, who has 30: it fails, is called again and again, and order-1 can be neither done nor undone.',
  watchFor: 'bank-b’s card: bob goes 100 → 180 → 30. The coordinator’s card: bob’s compensation retried with a growing wait. all-or-nothing says bob spent money the saga had not settled.',
  tryThis: [
    {
      text: 'Debits first: run carol’s debit before bob’s credit. Her step fails before bob is credited anything; only alice’s 40 is compensated, bob’s shop finds 100 and cannot spend 150, and nothing breaks.',
      change: { params: { tc: { transactions: [{ gid: 'order-1', mode: 'saga', branches: [split[0], split[2], split[1]] }] } } },
    },
  ],
  scenario: tccWorld({
    id: 'saga-isolation',
    title: 'Saga without isolation: the credit is spent before it is compensated',
    seed: 31,
    carol: 10,
    transactions: [{ gid: 'order-1', mode: 'saga', branches: split }],
    spender: { gid: 'shop-1', mode: 'saga', startMs: 450, branches: [step('recv', 'debit', 'bob', 150)] },
    untilMs: 12000,
  }),
};
