import { z } from 'zod';

// The parameters of the operator who resolves an in-doubt XA branch by hand, apart from its behaviour (program.ts).

export const xaOperatorParams = z
  .object({
    kind: z.literal('xa-operator'),
    /** The database whose in-doubt branch the operator resolves. */
    target: z.string().min(1, { error: 'expected a node id' }),
    /** When the operator runs XA RECOVER and acts (ms). */
    atMs: z.number({ error: 'expected a number of ms' }).min(0, { error: 'expected 0 to 3600000' }).max(3_600_000, { error: 'expected 0 to 3600000' }).default(6000),
    /** The branch to resolve (the coordinator's global transaction id). */
    xid: z.string().min(1, { error: 'expected an xid' }).max(64).default('tm-3'),
    /** What the operator decides for it, without asking the coordinator: a heuristic commit or rollback. */
    decision: z.enum(['commit', 'rollback']).default('commit'),
  })
  .strict();
export type XaOperatorParams = z.infer<typeof xaOperatorParams>;
