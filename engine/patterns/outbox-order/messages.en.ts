/** English messages of `pattern.outbox-order` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
} as const satisfies Record<string, string>;
