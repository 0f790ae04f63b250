/** English messages of `model.lb` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  timerHealth: 'health checks: ask every backend',
  timerTimeout: 'a backend did not answer in time: 504',
  backendUp: '{node} puts {backend} back in rotation ({detail})',
  backendDown: '{node} takes {backend} out of rotation: {detail}',
  fail503: '{node} has no healthy backend for {origin}: 503',
  fail502: "{node} lost its connection to {backend} with {origin}'s request in it: 502",
  fail504: "{node} gives up on {backend} for {origin}'s request: 504",
  detailClosed: '{why}: marked down at once (observe layer4)',
  detailRise: '{n} good health checks in a row',
  detailFall: '{n} health checks unanswered in a row',
} as const satisfies Record<string, string>;
