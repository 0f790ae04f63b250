/** English messages of `node.limiter` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  'field-algorithm': 'Algorithm',
  'field-perKey': 'One limiter per key (user)',
  summary: '{name}: {allowed} through, {rejected} refused{queued, plural, =0 {} other {, # queued}}',
  window: 'window {s} s',
  windowNew: 'window new',
  slots: '{n} slots × {ms} ms',
  last: 'last {ms} ms',
  queue: 'queue',
  waiting: '{n} waiting',
  leavesIn: 'leaves in {ms} ms',
  status: 'status',
  through: '{n} through',
  refused: '{n} refused',
  waited: '{n} waited',
  noRequest: 'no request yet',
  moreKeys: '+{n} more keys',
} as const satisfies Record<string, string>;
