/** English messages of `pattern.tx-producer` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Transactional producer (half message, local transaction, back-check)',
} as const satisfies Record<string, string>;
