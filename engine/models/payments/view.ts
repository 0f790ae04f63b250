import type { Say } from '../../core/phrase';
import type { PaymentsState } from './model';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** One line of the card's log of answers. */
export interface PaymentsLogLine {
  at: number;
  client: string;
  order: string;
  what: Say;
  /** ok: paid; dup: a second charge; warn: 409/503; bad: 422. */
  tone: 'ok' | 'dup' | 'warn' | 'bad';
}

/** What the canvas shows of a payment service. */
export interface PaymentsView {
  dedupe: PaymentsState['p']['dedupe'];
  store: string | null;
  charges: number;
  /** Orders charged more than once. */
  doubled: string[];
  inProgress: { client: string; order: string; phase: 'claim' | 'lookup' | 'charging' | 'storing'; attempt: number }[];
  stats: { requests: number; replays: number; conflicts: number; refused: number };
  /** The latest answers, oldest first. */
  log: readonly PaymentsLogLine[];
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
