/** English messages of `node.xa-tm` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  recovering: 'recovering',
  inFlight: '{gtrid} in flight',
  summary: '{committed} committed · {rolledBack} rolled back',
  twoPhase: 'two-phase commit',
  noTwoPhase: 'no two-phase commit: each branch commits on its own',
  recoveringLine: 'recovering: XA RECOVER on every database',
  moves: '{gtrid}: moves {amount}',
  log: 'log',
  telling: ' (telling branches)',
} as const satisfies Record<string, string>;
