/** English messages of `pattern.zk-script` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'ZooKeeper command script',
  timerNext: 'next command',
  gets: '{node} gets {reply} for {command} after {ms} ms',
  session: 'session {id} {state}',
  opSession: '{op} · {session}',
} as const satisfies Record<string, string>;
