/** English messages of `model.attacker` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  stolenCopy: "a stolen copy of {owner}'s {cred}",
  credential: 'credential',
} as const satisfies Record<string, string>;
