import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the Redis command script, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const nodeRef = z.string().min(1, { error: must.id() });

export const redisScriptParams = z
  .object({
    kind: z.literal('redis-script'),
    /** The Redis node to talk to. */
    target: nodeRef,
    /** Commands sent one at a time, each after the previous reply. */
    commands: z.array(z.array(z.string().max(200)).min(1, { error: must.command() })).min(1).max(200),
    /** Pause between a reply and the next command (ms). */
    intervalMs: z.number().min(0, { error: must.nonNegative() }).max(3_600_000).default(100),
    /** Start over after the last command. */
    loop: z.boolean().default(false),
  })
  .strict();
export type RedisScriptParams = z.infer<typeof redisScriptParams>;
