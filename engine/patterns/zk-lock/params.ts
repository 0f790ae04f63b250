import { z } from 'zod';
import { lockCommonShape } from '../lock-params';
import { must } from '../../core/param-error';

// The parameters of the ZooKeeper lock program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

const lockPath = z
  .string()
  .regex(/^(\/[A-Za-z0-9_.-]+)+$/, { error: must.pathLike('/locks/orders') })
  .max(200);

export const zkLockParams = z
  .object({
    kind: z.literal('zk-lock'),
    /** The ZooKeeper node to connect to. */
    target: z.string().min(1, { error: must.id() }),
    /** The lock's parent znode; contenders create sequential children under it. */
    lockPath: lockPath.default('/locks/lock'),
    /** Requested session timeout (ms); the server clamps it to [2, 20] × tickTime. */
    sessionTimeoutMs: z.number().int().min(1, { error: must.positiveMs() }).max(600_000).default(4000),
    /**
     * The naive recipe: every waiter watches the lock's parent (getChildren with a watch), so
     * every change wakes them all. Off: each watches only its predecessor (Curator).
     */
    herd: z.boolean().default(false),
    /**
     * Sort the children by sequence number before reading the queue, as Curator does. Off: a
     * naive recipe that takes getChildren's order for the queue's, which is the server's hash
     * order, so a client can think it is first while another holds the lock.
     */
    sortChildren: z.boolean().default(true),
    /** Send the lock node's sequence number to the resource as a fencing token. */
    fencing: z.boolean().default(false),
    ...lockCommonShape,
  })
  .strict();
export type ZkLockParams = z.infer<typeof zkLockParams>;
