/** English messages of `pattern.token-replay` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Attacker replaying a stolen token',
  waitingCred: 'waiting for a stolen credential',
  tally: '{accepted} accepted · {refused} refused',
  done: "{owner}'s {cred}: {tally}",
  replaying: "replaying {owner}'s {cred}: {tally}",
  timerTimeout: 'no answer in time',
  timerReplay: 'replay the stolen credential',
  credential: 'credential',
  accepted: "{node} replays {owner}'s {cred} and {server} accepts it",
  refused: "{node} replays {owner}'s {cred}: refused ({status})",
} as const satisfies Record<string, string>;
