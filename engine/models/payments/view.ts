import type { PaymentsState } from './model';

// Kept apart from the model's behaviour: the card imports this, and the behaviour is fetched
// only when a scenario runs the kind (importing model.ts here would copy it into the card's chunk).

/** What the canvas shows of a payment service. */
export interface PaymentsView {
  dedupe: PaymentsState['p']['dedupe'];
  store: string | null;
  charges: number;
  /** Orders charged more than once. */
  doubled: string[];
  inProgress: { client: string; order: string; phase: PaymentsState['jobs'][number]['phase']; attempt: number }[];
  stats: PaymentsState['stats'];
  log: PaymentsState['log'];
}

/** A plain summary of the service state for views. */
export function paymentsView(s: PaymentsState): PaymentsView {
  const seen = new Set<string>();
  const doubled = new Set<string>();
  for (const c of s.ledger) {
    const k = `${c.client} ${c.order}`;
    if (seen.has(k)) doubled.add(c.order);
    seen.add(k);
  }
  return {
    dedupe: s.p.dedupe,
    store: s.p.store ?? null,
    charges: s.ledger.length,
    doubled: [...doubled],
    inProgress: s.jobs.map((j) => ({ client: j.client, order: j.order, phase: j.phase, attempt: j.attempt })),
    stats: s.stats,
    log: s.log,
  };
}
