/** English messages of `node.client` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  warnMissing: "Connect a {what} node: this client's program talks to one.",
  warnMissingAnd: '{a} and a {b}',
  warnNotLinked: 'Its program talks to “{target}”, which it is not linked to.',
  warnNotOnCanvas: 'Its program talks to “{target}”, which is not on the canvas.',
} as const satisfies Record<string, string>;
