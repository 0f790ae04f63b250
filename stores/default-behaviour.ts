import type { MonitorDef } from '@/engine/core/monitor';
import { clientBehaviour } from '@/engine/models/client/behaviour';
import type { AnyNodeBehaviour } from '@/engine/models/kind';
import { redisBehaviour } from '@/engine/models/redis/behaviour';
import type { ProgramDef } from '@/engine/core/program';
import { redisScript } from '@/engine/patterns/redis-script/program';
import { registerMonitor, registerNode, registerProgram } from '@/engine/registry/registry';

// The behaviour DEFAULT_ENTRY runs (engine/scenario/default-scenario.ts), imported statically:
// every visit to the playground shows that scenario first, so, like the entry itself, its code
// ships with the page instead of in a second round of requests before the page can hydrate. Every other kind loads
// on demand. A test checks that these lists are exactly what the default scenario needs; a kind
// missing here would still load, only later.

/** The node kinds (model and view), programs and monitors of the default scenario. */
export const DEFAULT_BEHAVIOUR: {
  nodes: readonly AnyNodeBehaviour[];
  programs: readonly ProgramDef<never, unknown>[];
  monitors: readonly MonitorDef<never>[];
} = {
  nodes: [clientBehaviour, redisBehaviour],
  programs: [redisScript],
  monitors: [],
};

/** Registers the default scenario's behaviour (idempotent). */
export function registerDefaultBehaviour(): void {
  for (const b of DEFAULT_BEHAVIOUR.nodes) registerNode(b);
  for (const p of DEFAULT_BEHAVIOUR.programs) registerProgram(p);
  for (const m of DEFAULT_BEHAVIOUR.monitors) registerMonitor(m);
}
