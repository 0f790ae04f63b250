/** English messages of `pattern.tx-producer` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  tally: '{paid} paid{failed, plural, =0 {} other {, {failed} failed}}',
  working: '{order}: {stage, select, half {half message sent} local {local transaction running} other {committed locally, COMMIT next}} · {tally}',
  timer: '{timer, select, next {pay the next order} local {the local transaction ends} end {send COMMIT or ROLLBACK} hello {introduce itself to the broker again} other {heartbeat to the broker}}',
  half: '{node} sends a half message for {order} to {topic}: stored, but no consumer sees it yet',
  localCommit: '{node} commits its local transaction: {order} is paid in its database',
  localUnknown: "{node} sent COMMIT for {order}'s local transaction and never heard back ({why}): the outcome is UNKNOWN until a check reads the database",
  localRollback: "{node}'s local transaction for {order} fails and rolls back",
  localRollbackWhy: "{node}'s local transaction for {order} fails and rolls back ({why})",
  noAnswer: 'no answer',
  end: '{node} sends {resolution} for {order}',
  check: '{node} is asked about {order} (check {checkTimes}); its database has {row, select, none {no row for that message} committed {{order} committed} other {{order} {row}}}, so it answers {answer}',
  whyLess: '{account} has less than {amount}',
  whyOrderFails: 'the order fails',
  whyGoneCommit: 'the database went away before COMMIT answered',
  whyGone: 'the database went away',
  title: 'Transactional producer (half message, local transaction, back-check)',
} as const satisfies Record<string, string>;
