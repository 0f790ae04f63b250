import { tccWorld } from './tcc';
import type { BuiltinScenario } from './types';

// TCC's three classic problems, each first broken (participants without a barrier) and fixed by
// a try-this that turns DTM's sub-transaction barrier on (Seata's tcc_fence_log is the same idea:
// a row per (xid, branch) with its status, a rollback with no row inserts "suspended" and blocks
// a later Try).

const transfer = (svc = ['pay']) => [{ gid: 'order-1', mode: 'tcc' as const, branches: [{ svc, kind: 'debit' as const, account: 'alice', amount: 30 }, { svc: ['recv'], kind: 'credit' as const, account: 'bob', amount: 30 }] }];
const barrierOn = (nodes: string[]) => Object.fromEntries(nodes.map((n) => [n, { barrier: true }]));

/** Empty rollback: Cancel reaches a participant whose Try never ran, and releases money never frozen. */
export const tccEmptyRollback: BuiltinScenario = {
  id: 'tcc-empty-rollback',
  topic: 'transactions',
  title: 'TCC empty rollback: Cancel releases money never frozen',
  description:
    'Service A (alice’s account service) is down when order-1’s Try comes (connection refused): the coordinator cannot know whether it ran, so it cancels, and calls Cancel again after 1 s and 2 s until the service is back. The service has no barrier: its Cancel adds 30 back to alice’s balance and takes 30 off her frozen amount, though her Try never froze anything.',
  watchFor: 'bank-a’s card: alice ends with balance 130 and frozen −30. all-or-nothing names it an empty rollback.',
  tryThis: [
    {
      text: 'Turn on the barrier table in services A and B: Cancel first inserts the Try’s row (order-1/01/try); it is new, so no Try ran and Cancel does nothing. alice keeps her 100.',
      change: { params: barrierOn(['pay', 'recv']) },
    },
  ],
  scenario: tccWorld({
    id: 'tcc-empty-rollback',
    title: 'TCC empty rollback: Cancel releases money never frozen',
    seed: 17,
    transactions: transfer(),
    svc: { barrier: false },
    interventions: [
      { at: 0, kind: 'crash', node: 'pay' },
      { at: 2500, kind: 'restart', node: 'pay' },
    ],
    untilMs: 6000,
  }),
};

/** Hanging: the Try reaches the database after its Cancel, and freezes money for ever. */
export const tccHanging: BuiltinScenario = {
  id: 'tcc-hanging',
  topic: 'transactions',
  title: 'TCC hanging: a Try after its Cancel freezes money for ever',
  description:
    'Alice’s account service runs on two instances, service A and service A2. order-1’s Try reaches service A, whose link to bank-a is cut just then: its statements wait in TCP’s retransmission queue. After 1 s the coordinator gives up on the Try and cancels; the Cancel goes to service A2, which releases only what is frozen (a hand-written guard against empty rollback): nothing, so it answers OK and order-1 is over. When the link heals, service A’s Try reaches bank-a and freezes 30 that no Confirm or Cancel will ever touch.',
  watchFor: 'bank-a’s card: alice’s frozen 30 appears after order-1 ended on the coordinator’s card, and stays. all-or-nothing names the hanging Try.',
  tryThis: [
    {
      text: 'Turn on the barrier table in every service: the Cancel inserts order-1/01/try first, so when the late Try tries to insert the same row it finds it there and does nothing.',
      change: { params: barrierOn(['pay', 'pay-2', 'recv']) },
    },
  ],
  scenario: tccWorld({
    id: 'tcc-hanging',
    title: 'TCC hanging: a Try after its Cancel freezes money for ever',
    seed: 19,
    transactions: transfer(['pay', 'pay-2']),
    svc: { barrier: false, cancelGuard: true },
    extraSvc: true,
    interventions: [
      { at: 10, kind: 'partition', edge: 'pay-bank-a' },
      { at: 2500, kind: 'heal', edge: 'pay-bank-a' },
    ],
    untilMs: 8000,
  }),
};

/** Duplicate Confirm: the answer to a Confirm is lost, the coordinator calls again, and the money is spent twice. */
export const tccDuplicateConfirm: BuiltinScenario = {
  id: 'tcc-duplicate-confirm',
  topic: 'transactions',
  title: 'TCC duplicate Confirm: the frozen money is spent twice',
  description:
    'order-1’s Confirm commits on bank-a (alice’s frozen 30 is spent), but service A crashes before it answers. The coordinator sees the connection break, calls Confirm again, and once the service is back it runs again: without a barrier it spends another 30 that was never frozen.',
  watchFor: 'bank-a’s card: alice ends with frozen −30. money-conserved finds 30 missing and all-or-nothing names the duplicate Confirm.',
  tryThis: [
    {
      text: 'Turn on the barrier table in services A and B (each call is one statement longer, so the crash moves to 0.77 s, again just after the Confirm commits): the second Confirm finds its row order-1/01/confirm already there and does nothing.',
      change: {
        params: barrierOn(['pay', 'recv']),
        interventions: [
          { at: 770, kind: 'crash', node: 'pay' },
          { at: 1500, kind: 'restart', node: 'pay' },
        ],
      },
    },
  ],
  scenario: tccWorld({
    id: 'tcc-duplicate-confirm',
    title: 'TCC duplicate Confirm: the frozen money is spent twice',
    seed: 23,
    transactions: transfer(),
    svc: { barrier: false },
    interventions: [
      { at: 610, kind: 'crash', node: 'pay' },
      { at: 1500, kind: 'restart', node: 'pay' },
    ],
    untilMs: 5000,
  }),
};
