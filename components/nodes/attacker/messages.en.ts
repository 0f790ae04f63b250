/** English messages of `node.attacker` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  gettingIn: 'getting in',
  blocked: 'blocked',
} as const satisfies Record<string, string>;
