import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of an app service, apart from its behaviour (model.ts): the catalog imports them
// eagerly to validate scenarios and build the inspector's form, while the model is fetched the
// first time a scenario has such a node.

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const appParams = z
  .object({
    /**
     * Where a login lives: a session in this server's memory (a servlet container's default),
     * a session in Redis (Spring Session, shared by every app server), or nowhere: a signed JWT
     * that each server verifies on its own.
     */
    auth: z.enum(['memory', 'redis', 'jwt'], { error: must.oneOf(['memory', 'redis', 'jwt']) }).default('memory'),
    /** A session ends after this long without a request (Spring Session's maxInactiveInterval, default 1800 s). */
    maxInactiveMs: ms(1, 86_400_000).default(1_800_000),
    /** The Redis node for sessions, refresh tokens and the denylist (default: the first linked Redis). */
    redis: nodeRef.optional(),
    /** A Redis command with no reply after this long fails the request with 503. */
    redisTimeoutMs: ms(1, 600_000).default(1000),
    /** JWT: how long an access token is valid (exp − iat). */
    tokenTtlMs: ms(1, 86_400_000).default(900_000),
    /** JWT: tolerated clock skew when checking exp (Spring Security's default is 60 s). */
    leewayMs: ms(0, 3_600_000).default(60_000),
    /** JWT: also issue refresh tokens valid this long, kept in Redis and rotated on each use. */
    refreshTtlMs: ms(1, 86_400_000 * 30).optional(),
    /** JWT: check every token against a Redis denylist; logout adds the token until its exp. */
    denylist: z.boolean().default(false),
    /** JWT: the signing key every app server shares. */
    secret: z.string().min(1).max(100).default('change-me'),
  })
  .strict();
export type AppParams = z.input<typeof appParams>;
