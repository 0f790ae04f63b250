/** English messages of `pattern.web-user` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
} as const satisfies Record<string, string>;
