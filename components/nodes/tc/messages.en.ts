/** English messages of `node.tc` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{succeeded} done · {failed} undone',
  mode: '{mode} · {status}',
  retries: ' ·{n, plural, one {# retry} other {# retries}}',
  calling: 'calling {what}',
  waitingRetry: 'waiting to retry',
} as const satisfies Record<string, string>;
