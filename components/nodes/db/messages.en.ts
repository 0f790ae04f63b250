/** English messages of `node.db` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
} as const satisfies Record<string, string>;
