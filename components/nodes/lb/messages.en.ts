/** English messages of `node.lb` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{up}/{total} up',
  sticky: 'sticky (cookie)',
  roundRobin: 'round-robin',
  inFlight: '{n} in flight',
  noBackends: 'no backends: link app services',
  backends: '{label} backends',
  up: 'up',
  down: 'down',
  missed: '{n} missed',
  req: '{n} req',
} as const satisfies Record<string, string>;
