import { z } from 'zod';
import { parseZkLine } from '../../clients/zookeeper/zkcli';
import { must } from '../../core/param-error';

// The parameters of the ZooKeeper command script, apart from its behaviour (program.ts): the
// program catalog imports them eagerly to validate scenarios, while the program itself is fetched
// with the first client that runs it.

export const zkScriptParams = z
  .object({
    kind: z.literal('zk-script'),
    /** The ZooKeeper node to connect to. */
    target: z.string().min(1, { error: must.id() }),
    /** Requested session timeout (ms); the server clamps it to [2, 20] × tickTime. */
    sessionTimeoutMs: z.number().int().min(1, { error: must.positiveMs() }).max(600_000).default(6000),
    /** zkCli-style lines run one after another once connected, e.g. "create -e /app/x hi". */
    ops: z
      .array(z.string().max(200))
      .min(1, { error: must.atLeastOne('command') })
      .max(200)
      .superRefine((lines, ctx) => {
        lines.forEach((l, i) => {
          const r = parseZkLine(l);
          if (typeof r === 'string') ctx.addIssue({ code: 'custom', path: [i], message: r });
        });
      }),
    /** Pause between a reply and the next command (ms). */
    intervalMs: z.number().min(0, { error: must.nonNegative() }).max(3_600_000).default(200),
  })
  .strict();
export type ZkScriptParams = z.infer<typeof zkScriptParams>;
