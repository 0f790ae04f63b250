import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a TCC / Saga coordinator, apart from its behaviour (model.ts): the catalog
// imports them eagerly to validate scenarios and build the inspector's form.

const branch = z
  .object({
    /** The participant node(s) serving this branch; with several, each call goes to the next (a load-balanced service). */
    svc: z.array(z.string().min(1, { error: must.id('participant') })).min(1).max(4),
    /** `debit` takes the amount from the account, `credit` gives it. */
    kind: z.enum(['debit', 'credit']),
    account: z.string().min(1, { error: must.id('account') }),
    amount: z.number().int().min(1, { error: must.wholeAmount(true) }),
  })
  .strict();

export const tcParams = z
  .object({
    /** The global transactions it runs, one after another: TCC (Try every branch, then Confirm or Cancel) or Saga (actions in order, compensations in reverse). */
    transactions: z
      .array(z.object({ gid: z.string().min(1).max(40).optional(), mode: z.enum(['tcc', 'saga']), branches: z.array(branch).min(1).max(5) }).strict())
      .max(20)
      .default([]),
    /** The deadline the service promises for each transfer to settle (done or undone everywhere); unset: none (ms). */
    settleWithinMs: z.number().min(1).max(3_600_000).optional(),
    /** When the first global transaction starts (ms). */
    startMs: z.number().min(0).max(3_600_000).default(0),
    /** Time between the end of one global transaction and the start of the next (ms). */
    intervalMs: z.number().min(0).max(3_600_000).default(1500),
    /** A branch call with no answer by then counts as unknown (DTM's RequestTimeout, 3 s; scaled down to 1 s here). */
    requestTimeoutMs: z.number().min(10).max(600_000).default(1000),
    /**
     * The first retry of a Confirm, Cancel or compensation comes after this long, and each failure
     * doubles it (DTM's RetryInterval, 10 s, with its backoff; scaled down to 1 s here).
     */
    retryIntervalMs: z.number().min(10).max(3_600_000).default(1000),
  })
  .strict();
export type TcParams = z.input<typeof tcParams>;
