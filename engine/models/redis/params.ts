import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a Redis node, apart from its behaviour (model.ts): the catalog imports them
// eagerly to validate scenarios and build the inspector's form, while the model is fetched the
// first time a scenario has such a node.

const ms = (max: number, what: 'delay' | 'period' | 'timeout') =>
  z
    .number({ error: must.inMs(what) })
    .min(0, { error: must.numberFrom(0, max) })
    .max(max, { error: must.numberFrom(0, max) });

export const redisParams = z
  .object({
    /** Active expiry cycles per second (Redis `hz`, default 10). */
    hz: z.number().int().min(1, { error: must.integerFrom(1, 500) }).max(500, { error: must.integerFrom(1, 500) }).default(10),
    /** Makes this node a read-only replica of that Redis node (they must be linked). */
    replicaOf: z.string().min(1, { error: must.id() }).optional(),
    // The replication settings have no zod defaults, so a plain node's params stay `{ hz }`;
    // initState fills them in.
    /** On a primary: how long each write waits before it is sent to the replicas (default 0). */
    replicationLagMs: ms(600_000, 'delay').optional(),
    /** On a primary: heartbeat period to replicas, default 1000 (Redis's repl-ping-replica-period is 10 s). */
    replPingMs: ms(600_000, 'period').min(10, { error: must.numberFrom(10, 600000) }).optional(),
    /** On a replica: silence after which the link counts as broken and it reconnects (Redis's repl-timeout, default 60 000). */
    replTimeoutMs: ms(3_600_000, 'timeout').min(1, { error: must.numberFrom(1, 3600000) }).optional(),
    /**
     * On a replica: promote itself to primary after this long without hearing from its primary
     * (what Sentinel's down-after-milliseconds + failover does, folded into the replica).
     */
    /**
     * `appendonly yes`: writes go to an append-only file that a restart reloads (an INCR counter,
     * a lock key and its TTL deadline survive a crash, as far as `appendfsync` got them to disk;
     * unset, every write). Off by default, as in Redis: a crash loses everything.
     */
    appendonly: z.boolean({ error: must.boolean() }).optional(),
    /**
     * With `appendonly`: when the append-only file reaches the disk (Redis's `appendfsync`).
     * `always` (what unset means here, so older scenarios keep their runs) fsyncs before every
     * reply; `everysec` (Redis's own default) fsyncs at most once per wall-clock second, so a
     * crash loses the writes since the last fsync; `no` leaves it to the OS, modelled as Linux's
     * writeback: dirty data reaches the disk once it is 30 s old, checked every 5 s.
     */
    appendfsync: z.enum(['always', 'everysec', 'no'], { error: must.oneOf(['always', 'everysec', 'no'], true) }).optional(),
    /** Sentinel promotes the replica with the lowest priority first; 0 = never (Redis's replica-priority, default 100). */
    replicaPriority: z.number().int({ error: must.integer() }).min(0, { error: must.integerFrom(0, 1000) }).max(1000, { error: must.integerFrom(0, 1000) }).optional(),
    promoteOnPrimaryDownMs: ms(3_600_000, 'timeout').min(1, { error: must.numberFrom(1, 3600000) }).optional(),
  })
  .strict();
export type RedisParams = z.input<typeof redisParams>;
