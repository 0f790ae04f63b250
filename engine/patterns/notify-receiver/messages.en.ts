/** English messages of `pattern.notify-receiver` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Notified merchant (dedupes, queries back)',
} as const satisfies Record<string, string>;
