/** English messages of `model.common` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
} as const satisfies Record<string, string>;
