/** English messages of `pattern.saga-service` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Saga service (choreography: events in, local transaction, event out)',
} as const satisfies Record<string, string>;
