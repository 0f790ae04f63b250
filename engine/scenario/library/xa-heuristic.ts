import { clientNode } from './lock-helpers';
import type { BuiltinScenario } from './types';
import { xa2pc } from './xa-2pc';

// xa-2pc's run, plus a DBA at bank-b who does not wait for the coordinator: while tm-3 is in
// doubt, they commit bank-b's branch by hand (XA COMMIT from their own session, which MariaDB
// allows for a prepared branch no session holds). The coordinator comes back, finds no decision
// in its log and rolls tm-3 back where it still can (presumed abort): bank-a rolls back, bank-b
// has committed. A heuristic decision against the coordinator's: heuristic mixed.

const base = xa2pc.scenario;
const link = { latency: { kind: 'fixed' as const, ms: 20 } };
const TITLE = 'XA heuristic outcome: a DBA commits an in-doubt branch by hand, the coordinator rolls back';

export const xaHeuristic: BuiltinScenario = {
  id: 'xa-heuristic',
  topic: 'transactions',
  title: TITLE,
  description:
    'The run of xa-2pc: three transfers from alice at bank-a to bob at bank-b, and the coordinator crashes during the third (tm-3) after both banks prepared. This time bank-b’s DBA will not wait: at 6 s they run XA RECOVER, see tm-3 in doubt holding bob’s row, and run XA COMMIT ’tm-3’ by hand. At 8 s the coordinator is back, has no decision logged and rolls tm-3 back (presumed abort) where it still can: on bank-a.',
  watchFor:
    'bank-b’s card: the in-doubt branch disappears at 6 s and bob’s balance moves to 150 while alice at bank-a still has her 70. After recovery bank-a rolls back: bob was credited 20 that nobody paid. xa-atomic says “transfer tm-3 … bank-a rolled back, bank-b committed: heuristic mixed”, and money-conserved finds 20 too many.',
  tryThis: [
    { text: 'Make the DBA roll back instead (decision rollback on dba): it agrees with the coordinator’s presumed abort, so the outcome is consistent; a heuristic decision is only safe when it guesses right.', change: { program: { dba: { decision: 'rollback' } } } },
    { text: 'Restart the coordinator at 5 s, before the DBA acts: recovery settles tm-3 first and the DBA finds nothing in doubt.', change: { interventions: [{ at: 4550, kind: 'crash', node: 'tm' }, { at: 5000, kind: 'restart', node: 'tm' }] } },
  ],
  scenario: {
    ...base,
    id: 'xa-heuristic',
    title: TITLE,
    nodes: [...base.nodes, clientNode('dba', 0, 660, { kind: 'xa-operator', target: 'bank-b', atMs: 6000, xid: 'tm-3', decision: 'commit' }, 'bank-b DBA')],
    edges: [...(base.edges ?? []), { id: 'dba-bank-b', source: 'dba', target: 'bank-b', params: link }],
    monitors: ['money-conserved', 'xa-atomic'],
  },
};
