/** English messages of `node.payments` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  chargedTwice: '{n, plural, one {# order} other {# orders}} charged twice',
  charges: '{n, plural, one {# charge} other {# charges}}',
  noKeys: 'no idempotency keys',
  keysIn: 'keys in {where}',
  chargeWord: ' {n, plural, one {charge} other {charges}}',
  doubled: ' · {orders} charged twice',
  replayed: ' · {n} replayed',
  jobTitle: '{phase, select, claim {claiming its key} lookup {reading its key} charging {charging} storing {storing the result} other {{phase}}} {order} for {client}, attempt {attempt}',
  job: '{phase, select, claim {claiming its key} lookup {reading its key} charging {charging} storing {storing the result} other {{phase}}} {order} · {client} #{attempt}',
  latest: '{label} latest answers',
} as const satisfies Record<string, string>;
