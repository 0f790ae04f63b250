/** English messages of `pattern.config-watcher` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Config watcher (one-shot or persistent watch)',
  noConfig: 'no config yet',
  has: 'has {value}',
  detail: '{has} · {n, plural, one {# event} other {# events}}{rearming}',
  rearming: ' · re-arming',
  reconnecting: '{detail} · reconnecting',
  connecting: 'connecting',
  notSubscribed: 'not subscribed yet',
  timerBegin: 'subscribe to the config',
  subOneShot: '{node} reads {path} with a one-shot watch',
  subPersistent: '{node} adds a persistent watch on {path}, then reads it',
  notify: '{node} is told {event} {path} — the event carries no data, so it reads again',
  read: '{node} reads {path}: “{value}” (version {version}){rearm}',
  readRearm: ', re-arming its one-shot watch',
} as const satisfies Record<string, string>;
