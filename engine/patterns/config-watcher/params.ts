import { z } from 'zod';
import { configPath } from '../config-admin/params';
import { must } from '../../core/param-error';

// The parameters of the config watcher program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

export const configWatcherParams = z
  .object({
    kind: z.literal('config-watcher'),
    /** The ZooKeeper node to connect to. */
    target: z.string().min(1, { error: must.id() }),
    /** The configuration znode to follow. */
    path: configPath.default('/config/app'),
    /** one-shot: getData with a watch, re-armed by each re-read. persistent: addWatch once. */
    mode: z.enum(['one-shot', 'persistent']).default('one-shot'),
    /**
     * Persistent mode only: re-read with getData(watch = true) anyway. In 3.8 the last watch set
     * on a path wins, so this quietly turns the persistent watch back into a one-shot one.
     */
    rereadWatch: z.boolean().default(false),
    /**
     * Read again after every reconnect, as Curator's CuratorCache does. A raw client does not:
     * SetWatches restores a persistent watch but sends nothing for changes made while it was away.
     */
    rereadOnReconnect: z.boolean().default(false),
    /** Wait before subscribing (ms). */
    startDelayMs: z.number().min(0, { error: must.nonNegative() }).max(3_600_000).default(0),
    /** Requested session timeout (ms). */
    sessionTimeoutMs: z.number().int().min(1, { error: must.positiveMs() }).max(600_000).default(6000),
  })
  .strict();
export type ConfigWatcherParams = z.infer<typeof configWatcherParams>;
