/** English messages of `ui` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  close: 'Close',
  loading: 'Loading…',
} as const satisfies Record<string, string>;
