/** English messages of `pattern.outbox-order` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Order service (order row + outbox row in one local transaction)',
  working: '{order}: order row + outbox row, one transaction · {placed} placed',
  placed: '{placed} of {orders} orders placed',
  timer: 'place the next order',
  placedNarr: '{node} commits {order} and its outbox row {outboxId} (status new) in one local transaction: both or neither',
  failed: "{node}'s transaction for {order} fails ({error}): rolled back, order row and outbox row alike",
} as const satisfies Record<string, string>;
