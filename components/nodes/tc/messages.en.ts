/** English messages of `node.tc` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{succeeded} done · {failed} undone',
  mode: '{mode} · {status}',
  retries: ' · {n, plural, one {# retry} other {# retries}}',
  calling: 'calling {what}',
  waitingRetry: 'waiting to retry',
  // Select keys cannot hold a space: `key` is the code with _ for a space, `state` / `status` the code itself.
  branchState: '{key, select, pending {pending} tried {tried} try_failed {try failed} unknown {unknown} confirmed {confirmed} cancelled {cancelled} done {done} failed {failed} compensated {compensated} other {{state}}}',
  gtxStatus: '{key, select, trying {trying} confirming {confirming} cancelling {cancelling} acting {acting} compensating {compensating} succeeded {succeeded} failed {failed} other {{status}}}',
} as const satisfies Record<string, string>;
