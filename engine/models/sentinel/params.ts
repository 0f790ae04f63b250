import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a Sentinel node, apart from its behaviour (model.ts): the catalog imports
// them eagerly to validate scenarios and build the inspector's form. Names and defaults are
// sentinel.conf's (`sentinel monitor mymaster <host> <port> 2`, down-after-milliseconds 30000,
// failover-timeout 180000, parallel-syncs 1).

const nodeRef = z.string().min(1, { error: must.id() });
const ms = (min: number, max: number) =>
  z
    .number({ error: must.numberOf('ms') })
    .min(min, { error: must.numberFrom(min, max) })
    .max(max, { error: must.numberFrom(min, max) });

export const sentinelParams = z
  .object({
    /** The name clients ask for (`sentinel monitor <name> …`). */
    masterName: z.string().min(1).max(100).default('mymaster'),
    /** The Redis node it monitors as the primary at start (the node must be linked). */
    monitor: nodeRef,
    /** How many sentinels must agree the primary is down (ODOWN) before a failover may start. */
    quorum: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 100) }).max(100, { error: must.between(1, 100) }).default(2),
    /** down-after-milliseconds: no valid PING reply for this long = subjectively down (SDOWN). */
    downAfterMs: ms(1, 3_600_000).default(30_000),
    /** failover-timeout: election, promotion and reconfiguration deadlines; 2x this between two tries. */
    failoverTimeoutMs: ms(1, 3_600_000).default(180_000),
    /** parallel-syncs: how many replicas are pointed at the new primary at once. */
    parallelSyncs: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 100) }).max(100, { error: must.between(1, 100) }).default(1),
    /**
     * The other sentinels of this master (what real sentinels learn from hello messages); left
     * out, the sentinels this one is linked to.
     */
    sentinels: z.array(nodeRef).max(20).optional(),
  })
  .strict();
export type SentinelParams = z.input<typeof sentinelParams>;
