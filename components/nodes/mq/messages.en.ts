/** English messages of `node.mq` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  noTopics: 'no topics yet',
  queueTitle: 'queue {id}: {total} messages stored',
  halfMessages: 'half messages',
  halfTitle: 'half message {msgId} for {key}: invisible to consumers; checked {checks} of {max} times',
  halfLine: 'half {key} · checks {checks}/{max}',
  discardedTitle: 'half messages discarded after the last check: never delivered',
  discarded: 'discarded: {keys}',
  groupCounts: ' · {consumed} consumed · {remaining} waiting',
  noConsumer: ' · no consumer',
  outTitle: 'delivered, not yet acknowledged',
  out: 'out: {list}',
  retryTitle: '{topic}: failed messages waiting for their delay level',
  dlqTitle: '{topic}: nothing consumes these',
  summary: '{left} waiting · {half} half{dlq, plural, =0 {} other { · # in DLQ}}{discarded, plural, =0 {} other { · # discarded}}',
} as const satisfies Record<string, string>;
