/** English messages of `node.redis` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  'unit-perSecond': 'per s',
  'field-hz': 'Expiry cycles',
  'field-replicaOf': 'Replica of',
  'field-replPingMs': 'Replication ping',
  'field-replTimeoutMs': 'Replication timeout',
  'field-appendonly': 'Append-only file',
  'field-appendfsync': 'fsync the file (appendfsync)',
  'field-promoteOnPrimaryDownMs': 'Promote after primary down',
  summary: '{replica, select, yes {replica · } other {}}{n, plural, one {# key} other {# keys}}',
  replicaOf: 'replica of ',
  noKeys: 'no keys',
  keys: '{label} keys',
} as const satisfies Record<string, string>;
