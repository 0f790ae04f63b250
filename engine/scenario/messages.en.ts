/** English messages of `scenario` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  // Gallery topics (library/types.ts TOPICS): `topic-<topic>`.
  'topic-basics': 'Basics',
  'topic-watch': 'Watch',
  'topic-locks': 'Locks',
  'topic-transactions': 'Transactions',
  'topic-sessions': 'Sessions',
  'topic-idempotency': 'Idempotency',
  'topic-rate-limiting': 'Rate limiting',
} as const satisfies Record<string, string>;
