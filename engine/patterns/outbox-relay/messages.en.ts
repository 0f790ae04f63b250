/** English messages of `pattern.outbox-relay` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Outbox relay (polls the outbox, publishes, marks sent)',
  tally: '{published} published · {sent} marked sent',
  polling: 'polling the outbox · {tally}',
  publishing: 'publishing',
  acked: 'published, not yet marked sent',
  marking: 'marking sent',
  working: '{id} ({order}): {what} · {tally}',
  timerMark: 'mark the published row sent',
  timerPoll: 'poll the outbox for new rows',
  poll: '{node} polls the outbox: {pending} still marked new',
  publish: '{node} publishes {outboxId} ({order}) to {topic}; the row stays new until the broker has it',
  ackedNarr: 'the broker has {outboxId} ({order}) as {msgId}; {node} has not yet marked the row sent: a crash now publishes it again',
  sent: '{node} marks {outboxId} ({order}) sent: the next poll skips it',
} as const satisfies Record<string, string>;
