import { z } from 'zod';
import { must, paramError } from '../../core/param-error';
import { p } from '../../core/phrase';

// The parameters of a ZooKeeper server, apart from its behaviour (model.ts): the catalog imports
// them eagerly to validate scenarios and build the inspector's form, while the model is fetched
// the first time a scenario has such a node.

const intIn = (min: number, max: number) =>
  z
    .number()
    .int({ error: must.integerFrom(min, max) })
    .min(min, { error: must.integerFrom(min, max) })
    .max(max, { error: must.integerFrom(min, max) });

export const zookeeperParams = z
  .object({
    /** The server's basic time unit (ms): sessions expire in buckets of this size. */
    tickTime: intIn(1, 60_000).default(2000),
    /** Smallest session timeout granted (ms); default 2 × tickTime. */
    minSessionTimeout: intIn(1, 3_600_000).optional(),
    /** Largest session timeout granted (ms); default 20 × tickTime. */
    maxSessionTimeout: intIn(1, 3_600_000).optional(),
    /** How often the container manager looks for empty containers and expired TTL nodes (ms). */
    containerCheckIntervalMs: intIn(1, 3_600_000).default(60_000),
    /** Allow TTL nodes (`zookeeper.extendedTypesEnabled`). */
    extendedTypes: z.boolean().default(false),
    /** This server's id (`myid`), the top byte of its session ids; in an ensemble, the election's tie-break. */
    serverId: intIn(0, 254).default(0),
    /** Ensemble: ticks a follower has to connect and sync to a new leader. */
    initLimit: intIn(1, 100).default(10),
    /** Ensemble: ticks a follower may go unheard (and a leader unheard from) before it gives up. */
    syncLimit: intIn(1, 100).default(5),
    /**
     * Ensemble: how long an fsync of the transaction log takes (ms); a proposal is acknowledged
     * only once it is on disk. 4 ms is a fair SSD on a cloud VM (ZooKeeper's admin guide wants
     * the log on a dedicated device because this is on every write's path).
     */
    fsyncMs: intIn(0, 10_000).default(4),
    /** Ensemble: extra fsync time drawn from 0 to this many ms each time. */
    fsyncJitterMs: intIn(0, 10_000).default(4),
  })
  .strict()
  .refine((p) => (p.minSessionTimeout ?? 2 * p.tickTime) <= (p.maxSessionTimeout ?? 20 * p.tickTime), {
    error: paramError('minSessionTimeout must not exceed maxSessionTimeout', p('model.zookeeper.paramSessionBounds')),
    path: ['minSessionTimeout'],
  });
export type ZookeeperParams = z.infer<typeof zookeeperParams>;
