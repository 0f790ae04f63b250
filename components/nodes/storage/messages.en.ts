/** English messages of `node.storage` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{writes, plural, one {# write} other {# writes}} · {rejects} refused',
  fencingOn: 'fencing on',
  noFencing: 'no fencing',
  token: 'token {token}',
  value: 'value',
  empty: 'empty',
  by: 'by {name}',
  accepted: ' {n, plural, one {write} other {writes}} accepted',
  refused: ' refused',
  open: 'open: {list}',
  sectionToken: '{section} (token {token})',
  rejected: 'refused {client}’s {op}: token {token} is stale{max, select, none {} other { (< {max})}}',
} as const satisfies Record<string, string>;
