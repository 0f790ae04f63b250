import { z } from 'zod';

// The parameters of a Sentinel node, apart from its behaviour (model.ts): the catalog imports
// them eagerly to validate scenarios and build the inspector's form. Names and defaults are
// sentinel.conf's (`sentinel monitor mymaster <host> <port> 2`, down-after-milliseconds 30000,
// failover-timeout 180000, parallel-syncs 1).

const nodeRef = z.string().min(1, { error: 'expected a node id' });
const ms = (min: number, max: number) =>
  z
    .number({ error: 'expected a number of ms' })
    .min(min, { error: `expected a number from ${min} to ${max}` })
    .max(max, { error: `expected a number from ${min} to ${max}` });

export const sentinelParams = z
  .object({
    /** The name clients ask for (`sentinel monitor <name> …`). */
    masterName: z.string().min(1).max(100).default('mymaster'),
    /** The Redis node it monitors as the primary at start (the node must be linked). */
    monitor: nodeRef,
    /** How many sentinels must agree the primary is down (ODOWN) before a failover may start. */
    quorum: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected 1 to 100' }).max(100, { error: 'expected 1 to 100' }).default(2),
    /** down-after-milliseconds: no valid PING reply for this long = subjectively down (SDOWN). */
    downAfterMs: ms(1, 3_600_000).default(30_000),
    /** failover-timeout: election, promotion and reconfiguration deadlines; 2x this between two tries. */
    failoverTimeoutMs: ms(1, 3_600_000).default(180_000),
    /** parallel-syncs: how many replicas are pointed at the new primary at once. */
    parallelSyncs: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected 1 to 100' }).max(100, { error: 'expected 1 to 100' }).default(1),
    /**
     * The other sentinels of this master (what real sentinels learn from hello messages); left
     * out, the sentinels this one is linked to.
     */
    sentinels: z.array(nodeRef).max(20).optional(),
  })
  .strict();
export type SentinelParams = z.input<typeof sentinelParams>;
