/** English messages of `pattern.notifier` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Notifier (best effort, on a provider’s retry schedule)',
} as const satisfies Record<string, string>;
