import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of a database node, apart from its behaviour (model.ts): the catalog imports
// them eagerly to validate scenarios and build the inspector's form, while the model is fetched
// the first time a scenario has such a node.

const value = z.union([z.number().finite(), z.string().max(200)]);

/** A row: `id` is its primary key; every other column is a number or a string. */
export const dbRow = z.object({ id: z.string().min(1, { error: must.id('row') }).max(64) }).catchall(value);

export const dbParams = z
  .object({
    /** The tables and their committed rows at start: `{ accounts: [{ id: 'alice', balance: 100, frozen: 0 }] }`. */
    tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/i, { error: must.tableName() }), z.array(dbRow).max(200)).default({}),
    /**
     * How long a statement waits for a row lock before it fails with error 1205 (InnoDB's
     * innodb_lock_wait_timeout, default 50 s).
     */
    lockWaitTimeoutMs: z.number().min(1, { error: must.numberFrom(1, 3600000) }).max(3_600_000, { error: must.numberFrom(1, 3600000) }).default(50_000),
    /**
     * How long a connection may sit idle before the server closes it, rolling back its open
     * transaction (MariaDB's wait_timeout, default 28800 s = 8 h). Unset: 8 h, longer than any
     * run here, so never reached. It is what finally frees the row locks of a client that died
     * while cut off from the database (its reset never arrived: a half-open connection).
     */
    waitTimeoutMs: z.number().min(1, { error: must.numberFrom(1, 28800000) }).max(28_800_000, { error: must.numberFrom(1, 28800000) }).optional(),
    /** Detect deadlocks at once and roll one victim back (innodb_deadlock_detect, default on); off, they end by lock wait timeout. */
    deadlockDetect: z.boolean().default(true),
  })
  .strict();
export type DbParams = z.input<typeof dbParams>;
