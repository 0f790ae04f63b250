import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of an XA transaction manager, apart from its behaviour (model.ts): the catalog
// imports them eagerly to validate scenarios and build the inspector's form.

const account = z.object({ db: z.string().min(1, { error: must.id('database') }), id: z.string().min(1, { error: must.id('account') }) }).strict();

export const xaTmParams = z
  .object({
    /** The transfers it runs, one global transaction each, in order: `amount` from one account to another. */
    transfers: z.array(z.object({ amount: z.number().int().min(1, { error: must.wholeAmount(true) }), from: account, to: account }).strict()).max(50).default([]),
    /** The deadline the service promises for each transfer to settle (done or undone everywhere); unset: none (ms). */
    settleWithinMs: z.number().min(1).max(3_600_000).optional(),
    /** When the first transfer starts (ms). */
    startMs: z.number().min(0).max(3_600_000).default(0),
    /** Time between the end of one global transaction and the start of the next (ms). */
    intervalMs: z.number().min(0).max(3_600_000).default(2000),
    /**
     * Two-phase commit (XA PREPARE on every branch, the decision logged, then XA COMMIT). Off,
     * it commits each branch on its own in turn (XA COMMIT … ONE PHASE), which is not atomic.
     */
    twoPhase: z.boolean().default(true),
  })
  .strict();
export type XaTmParams = z.input<typeof xaTmParams>;
