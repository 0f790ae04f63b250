/** English messages of `node.tcc-svc` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  barrierOn: 'barrier on',
  noBarrier: 'no barrier',
  on: 'on {db} · {barrier}',
  cancelGuard: 'no barrier; Cancel guarded by frozen',
  working: 'working: {list}',
} as const satisfies Record<string, string>;
