import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the operator who resolves an in-doubt XA branch by hand, apart from its behaviour (program.ts).

export const xaOperatorParams = z
  .object({
    kind: z.literal('xa-operator'),
    /** The database whose in-doubt branch the operator resolves. */
    target: z.string().min(1, { error: must.id() }),
    /** When the operator runs XA RECOVER and acts (ms). */
    atMs: z.number({ error: must.numberOf('ms') }).min(0, { error: must.between(0, 3600000) }).max(3_600_000, { error: must.between(0, 3600000) }).default(6000),
    /** The branch to resolve (the coordinator's global transaction id). */
    xid: z.string().min(1, { error: must.id('xid') }).max(64).default('tm-3'),
    /** What the operator decides for it, without asking the coordinator: a heuristic commit or rollback. */
    decision: z.enum(['commit', 'rollback']).default('commit'),
  })
  .strict();
export type XaOperatorParams = z.infer<typeof xaOperatorParams>;
