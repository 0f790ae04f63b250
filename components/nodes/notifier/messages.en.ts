/** English messages of `node.notifier` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  notifying: 'notifying',
  allNotified: 'all notified',
  gaveUp: 'gave up',
} as const satisfies Record<string, string>;
