import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a TCC / Saga participant, apart from its behaviour (model.ts): the catalog
// imports them eagerly to validate scenarios and build the inspector's form.

export const tccSvcParams = z
  .object({
    /** The database node holding its accounts (it must be linked to it). */
    db: z.string().min(1, { error: must.id('database') }).default('db'),
    /**
     * DTM's sub-transaction barrier (Seata's tcc_fence_log does the same job): each call first
     * inserts (gid, branch, op) into the `barrier` table in the same local transaction; a repeat
     * inserts nothing and does nothing, and a Cancel first inserts the Try's row, so a Cancel
     * without a Try does nothing and a Try that comes after its Cancel does nothing.
     */
    barrier: z.boolean().default(true),
    /**
     * Without the barrier: Cancel releases only when the frozen amount covers it (`… AND frozen
     * >= 30`), a common hand-written guard against releasing money never frozen. It is what lets
     * a Try that comes after its Cancel freeze money for ever.
     */
    cancelGuard: z.boolean().default(false),
  })
  .strict();
export type TccSvcParams = z.input<typeof tccSvcParams>;
