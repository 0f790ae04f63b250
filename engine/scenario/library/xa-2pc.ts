import type { BuiltinScenario } from './types';

/** Every statement crosses a link in 20 ms, so the moments below are exact. */
const link = { latency: { kind: 'fixed' as const, ms: 20 } };

/**
 * XA two-phase commit over two banks: a transfer that commits, one a participant votes no on,
 * and one whose coordinator crashes after both branches prepared, before it logged a decision.
 */
export const xa2pc: BuiltinScenario = {
  id: 'xa-2pc',
  topic: 'transactions',
  title: 'XA two-phase commit: a coordinator crash leaves rows locked in doubt',
  description:
    'An order service with an XA transaction manager moves money from alice at bank-a to bob at bank-b: XA START, UPDATE, XA END and XA PREPARE on both banks, the decision written to its log, then XA COMMIT. The second transfer is more than alice has: bank-a votes no and both branches roll back. During the third, the coordinator crashes after both banks prepared: their branches are in doubt and keep alice’s and bob’s rows locked until it restarts at 8 s and rolls them back (no decision logged: presumed abort). The banks wait for locks up to 10 s (innodb_lock_wait_timeout, scaled down from 50 s).',
  watchFor:
    'After the crash both bank cards show a PREPARED branch “in doubt” and a locked row with its uncommitted value beside it. The teller’s own transfer on bank-a (alice to carol) waits on alice’s row until recovery frees it; money is conserved throughout.',
  tryThis: [
    {
      text: 'Restart the coordinator at 16 s instead of 8 s: the teller’s UPDATE waits the whole lock wait timeout and fails with ERROR 1205; its transfer rolls back.',
      change: { interventions: [{ at: 4550, kind: 'crash', node: 'tm' }, { at: 16000, kind: 'restart', node: 'tm' }], untilMs: 18000 },
    },
    {
      text: 'Turn off two-phase commit on the order service: each bank commits its branch on its own, one after the other. Each transfer takes longer, and the crash (at 4.65 s) lands after bank-a committed the debit and before bank-b saw the credit: 20 is gone, and money-conserved says so.',
      change: { params: { tm: { twoPhase: false } }, interventions: [{ at: 4650, kind: 'crash', node: 'tm' }, { at: 8000, kind: 'restart', node: 'tm' }] },
    },
  ],
  scenario: {
    version: 1,
    id: 'xa-2pc',
    title: 'XA two-phase commit: a coordinator crash leaves rows locked in doubt',
    seed: 11,
    nodes: [
      {
        id: 'tm',
        type: 'xa-tm',
        label: 'order service (XA)',
        position: { x: 0, y: 330 },
        params: {
          intervalMs: 2000,
          transfers: [
            { amount: 30, from: { db: 'bank-a', id: 'alice' }, to: { db: 'bank-b', id: 'bob' } },
            { amount: 80, from: { db: 'bank-a', id: 'alice' }, to: { db: 'bank-b', id: 'bob' } },
            { amount: 20, from: { db: 'bank-a', id: 'alice' }, to: { db: 'bank-b', id: 'bob' } },
          ],
        },
      },
      {
        id: 'bank-a',
        type: 'db',
        label: 'bank-a',
        position: { x: 460, y: 0 },
        params: {
          lockWaitTimeoutMs: 10000,
          tables: {
            accounts: [
              { id: 'alice', balance: 100, frozen: 0 },
              { id: 'carol', balance: 0, frozen: 0 },
            ],
          },
        },
      },
      { id: 'bank-b', type: 'db', label: 'bank-b', position: { x: 460, y: 330 }, params: { lockWaitTimeoutMs: 10000, tables: { accounts: [{ id: 'bob', balance: 100, frozen: 0 }] } } },
      {
        id: 'teller',
        type: 'xa-tm',
        label: 'teller',
        position: { x: 0, y: 0 },
        params: { startMs: 5000, transfers: [{ amount: 10, from: { db: 'bank-a', id: 'alice' }, to: { db: 'bank-a', id: 'carol' } }] },
      },
    ],
    edges: [
      { id: 'tm-bank-a', source: 'tm', target: 'bank-a', params: link },
      { id: 'tm-bank-b', source: 'tm', target: 'bank-b', params: link },
      { id: 'teller-bank-a', source: 'teller', target: 'bank-a', params: link },
    ],
    interventions: [
      { at: 4550, kind: 'crash', node: 'tm' },
      { at: 8000, kind: 'restart', node: 'tm' },
    ],
    monitors: ['money-conserved'],
    playback: { startMs: 0, speed: 1, untilMs: 12000 },
  },
};
