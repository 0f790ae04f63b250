import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the token-replay attacker program, apart from its behaviour (program.ts): the
// program catalog imports them eagerly to validate scenarios, while the program itself is fetched
// with the first client that runs it.

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const tokenReplayParams = z
  .object({
    kind: z.literal('token-replay'),
    /** Where the replays go: the same load balancer the victim uses. */
    target: nodeRef,
    /** Time between replays (ms). */
    intervalMs: ms(1, 3_600_000).default(500),
    /** Replays before it stops. */
    tries: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 100000) }).max(100_000, { error: must.between(1, 100000) }).default(40),
    /** A request with no answer after this long has failed (ms). */
    timeoutMs: ms(1, 600_000).default(3000),
  })
  .strict();
export type TokenReplayParams = z.infer<typeof tokenReplayParams>;
