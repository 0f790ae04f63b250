import { z } from 'zod';
import { must } from '../../core/param-error';

// The parameters of the config admin program, apart from its behaviour (program.ts): the program
// catalog imports them eagerly to validate scenarios, while the program itself is fetched with the
// first client that runs it.

export const configPath = z
  .string()
  .regex(/^(\/[A-Za-z0-9_.-]+)+$/, { error: must.pathLike('/config/app') })
  .max(200);

const value = z
  .string()
  .regex(/^[^\s]{1,60}$/, { error: must.noSpaces(1, 60) });

export const configAdminParams = z
  .object({
    kind: z.literal('config-admin'),
    /** The ZooKeeper node to connect to. */
    target: z.string().min(1, { error: must.id() }),
    /** The configuration znode (its parents are created as needed). */
    path: configPath.default('/config/app'),
    /** The value it is created with. */
    initial: value.default('v1'),
    /** Changes: set `value` at `atMs` of the admin's own clock. */
    changes: z
      .array(z.object({ atMs: z.number().min(0, { error: must.timeNonNegative() }).max(3_600_000), value }).strict())
      .max(50)
      .default([]),
    /** Requested session timeout (ms). */
    sessionTimeoutMs: z.number().int().min(1, { error: must.positiveMs() }).max(600_000).default(6000),
  })
  .strict();
export type ConfigAdminParams = z.infer<typeof configAdminParams>;
