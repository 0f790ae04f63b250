/** English messages of `node.redis` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{replica, select, yes {replica · } other {}}{n, plural, one {# key} other {# keys}}',
  replicaOf: 'replica of ',
  noKeys: 'no keys',
  keys: '{label} keys',
} as const satisfies Record<string, string>;
