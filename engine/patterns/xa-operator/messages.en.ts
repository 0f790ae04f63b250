/** English messages of `pattern.xa-operator` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Operator resolving an in-doubt XA branch by hand (heuristic decision)',
  notInDoubt: '{xid} not in doubt',
  byHand: '{decision, select, commit {committed} other {rolled back}} {xid} by hand',
  will: 'will {decision} {xid} by hand if it is in doubt',
  timer: 'the operator looks for in-doubt branches',
  recover: '{node} runs XA RECOVER on {db}: {found}',
  inDoubt: '{xids} in doubt, rows locked',
  nothing: 'nothing in doubt',
  heuristic: "{node} runs XA {cmd} ''{xid}'' on {db} by hand, without the coordinator: a heuristic {decision} (the coordinator may decide otherwise)",
  heuristicFails: "{node}'s XA {cmd} ''{xid}'' on {db} fails: {result}",
} as const satisfies Record<string, string>;
