import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the web user program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });
const count = (min: number, max: number) => z.number().int({ error: must.wholeNumber() }).min(min, { error: must.between(min, max) }).max(max, { error: must.between(min, max) });

export const webUserParams = z
  .object({
    kind: z.literal('web-user'),
    /** Where requests go: a load balancer (or one app server). */
    target: nodeRef,
    /** The user name it logs in as (default: the node's id). */
    user: z.string().min(1).max(40).optional(),
    /** Wait before logging in (ms), to stagger users. */
    startDelayMs: ms(0, 3_600_000).default(0),
    /** Think time between page views (ms). */
    pageEveryMs: ms(1, 3_600_000).default(1000),
    /** Page views before it logs out. */
    pages: count(0, 100_000).default(20),
    /** Log out after the last page (otherwise just stop). */
    logout: z.boolean().default(true),
    /** Log in again after being logged out unexpectedly. */
    relogin: z.boolean().default(true),
    /** A request with no answer after this long has failed (ms). */
    timeoutMs: ms(1, 600_000).default(3000),
    /** After page `leakAtPage`, a copy of its cookie or token goes to this node (a stolen credential). */
    leakTo: nodeRef.optional(),
    leakAtPage: count(1, 100_000).default(1),
  })
  .strict();
export type WebUserParams = z.infer<typeof webUserParams>;
