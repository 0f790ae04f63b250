/** English messages of `pattern.config-admin` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Config admin (sets a znode at fixed times)',
  existing: 'the existing value',
  detail: '{last} · {applied}/{total} changes',
  set: 'set {value}',
  creating: 'creating',
  timerChange: 'time for the next config change',
  change: '{node} has set {path} to “{value}” (version {version})',
} as const satisfies Record<string, string>;
