/** English messages of `model.xa-tm` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  noRow: '{stmt} changed no row (the balance does not cover it)',
  timerRetry: 'send the decision again',
  timerNext: 'start the next transfer',
  begin: '{node} begins global transaction {gtrid}: {amount} from {from} to {to}{how, select, twoPhase { (two-phase commit)} onePhase { (one branch: one-phase commit)} other { (each branch committed on its own: no two-phase commit)}}',
  voteYes: '{db} has prepared its branch of {gtrid}: votes yes',
  voteNo: "{db}'s branch of {gtrid} fails: votes no ({reason})",
  decide: '{node} writes "{record}" to its log, then tells every branch',
  end: '{gtrid} {outcome, select, partial {ends half done: some branches committed, others not} committed {is committed on every database} other {is rolled back on every database}}',
  recovered: '{node} has recovered: {committed}{sep, select, yes {; } other {}}{rolledBack}{nothing, select, yes {no branch was in doubt} other {}}',
  recoveredCommitted: 'committed {gtrids} (its log said commit)',
  recoveredRolledBack: 'rolled back {gtrids} (no decision logged: presumed abort)',
} as const satisfies Record<string, string>;
