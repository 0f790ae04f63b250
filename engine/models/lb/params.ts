import { z } from 'zod';
import { must, type ParamUnit } from '../../core/param-error';

// The parameters of a load balancer, apart from its behaviour (model.ts): the catalog imports them
// eagerly to validate scenarios and build the inspector's form, while the model is fetched the
// first time a scenario has such a node.

const nodeRef = z.string().min(1, { error: must.id() });
const int = (min: number, max: number, what: ParamUnit) => z.number().int({ error: must.wholeNumberOf(what) }).min(min, { error: must.between(min, max, what) }).max(max, { error: must.between(min, max, what) });
const ms = (min: number, max: number) => z.number({ error: must.numberOf('ms') }).min(min, { error: must.numberFrom(min, max) }).max(max, { error: must.numberFrom(min, max) });

export const lbParams = z
  .object({
    /**
     * round-robin: each request to the next healthy backend. sticky: a cookie the balancer sets
     * (HAProxy `cookie SERVERID insert`) sends a user back to the same backend while it is up;
     * when it is down the user is sent to another one (`option redispatch`).
     */
    policy: z.enum(['round-robin', 'sticky'], { error: must.oneOf(['round-robin', 'sticky']) }).default('round-robin'),
    /** The backends, in order (default: every linked app service). */
    backends: z.array(nodeRef).max(32, { error: must.atMost(32, 'backends') }).optional(),
    /** Active health check period (HAProxy `inter`, default 2 s); a check unanswered by the next one failed. */
    healthEveryMs: ms(10, 600_000).default(2000),
    /** Consecutive failed checks that take a backend out (HAProxy `fall`, default 3). */
    fall: int(1, 100, 'checks').default(3),
    /** Consecutive good checks that bring it back (HAProxy `rise`, default 2). */
    rise: int(1, 100, 'checks').default(2),
    /** A forwarded request with no answer after this long gets 504 (HAProxy `timeout server`). */
    timeoutMs: ms(1, 600_000).default(5000),
  })
  .strict();
export type LbParams = z.input<typeof lbParams>;
