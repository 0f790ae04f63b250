/** English messages of `pattern.redis-script` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Redis command script',
  timerNext: 'next command',
  gets: '{node} gets {reply} for {command} after {ms} ms',
} as const satisfies Record<string, string>;
