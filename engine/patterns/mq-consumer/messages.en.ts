/** English messages of `pattern.mq-consumer` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Broker consumer (a consumer group member)',
  tally: '{n} handled{twice}{failed}',
  twice: ' · {keys} twice',
  failed: ' · {n} failed',
  handling: 'handling {key}{more} · {tally}',
  more: ' (+{n} waiting)',
  timerHello: 'introduce itself to the broker again',
  timerBeat: 'heartbeat to the broker',
  timerWork: 'finish handling the message',
  effectAgain: '{node} handles {key} again ({times} times now): it keeps no record of what it handled, so the redelivered message has its effect twice',
  effect: '{node} handles {key} and answers CONSUME_SUCCESS',
  skip: '{node} gets {key} again and finds it in its table of handled messages: acknowledged, no second effect',
  fail: '{node} fails to handle {key}{retry} and answers RECONSUME_LATER',
  retry: ' (retry {n})',
} as const satisfies Record<string, string>;
