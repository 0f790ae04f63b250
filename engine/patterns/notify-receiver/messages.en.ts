/** English messages of `pattern.notify-receiver` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  view: '{paid} of {orders} known paid{twice, select, none {} other { · {twice} credited twice}}{closed, select, none {} other { · closed unpaid: {closed}}}',
  timerAsk: 'ask again about the orders whose query was lost',
  timerHandled: 'finish handling the notification',
  timerTimeout: '{order} times out unless heard of',
  creditAgain: '{node} credits {order} again ({times} times now): it keeps no record of notifications it handled',
  creditQuery: '{node} learns from its query that {order} is paid, and credits it: the safety net caught what the notifications missed',
  credit: '{node} credits {order} and answers “success”',
  skip: '{node} is told about {order} again, finds it already credited, and answers “success” without crediting twice',
  query: "{node} has not heard about {order}: it asks the platform's query API",
  close: '{node} never heard that {order} was paid and closes it as unpaid',
  title: 'Notified merchant (dedupes, queries back)',
} as const satisfies Record<string, string>;
