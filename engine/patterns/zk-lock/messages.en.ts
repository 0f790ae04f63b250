/** English messages of `pattern.zk-lock` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
} as const satisfies Record<string, string>;
