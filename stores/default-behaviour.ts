import type { MonitorDef } from '@/engine/core/monitor';
import type { ModelDef } from '@/engine/core/types';
import { clientModel } from '@/engine/models/client/model';
import { redisModel } from '@/engine/models/redis/model';
import type { ProgramDef } from '@/engine/patterns/program';
import { redisScript } from '@/engine/patterns/redis-script/program';
import { registerModel, registerMonitor, registerProgram } from '@/engine/registry/registry';

// The behaviour DEFAULT_ENTRY runs (scenario-source.ts), imported statically: every visit to the
// playground shows that scenario first, so, like the entry itself, its code ships with the page
// instead of in a second round of requests before the page can hydrate. Every other kind loads
// on demand. A test checks that these lists are exactly what the default scenario needs; a kind
// missing here would still load, only later.

/** The models, programs and monitors of the default scenario. */
export const DEFAULT_BEHAVIOUR: {
  models: readonly ModelDef<never, unknown>[];
  programs: readonly ProgramDef<never, unknown>[];
  monitors: readonly MonitorDef<never>[];
} = {
  models: [clientModel as unknown as ModelDef<never, unknown>, redisModel as unknown as ModelDef<never, unknown>],
  programs: [redisScript as ProgramDef<never, unknown>],
  monitors: [],
};

/** Registers the default scenario's behaviour (idempotent). */
export function registerDefaultBehaviour(): void {
  for (const m of DEFAULT_BEHAVIOUR.models) registerModel(m);
  for (const p of DEFAULT_BEHAVIOUR.programs) registerProgram(p);
  for (const m of DEFAULT_BEHAVIOUR.monitors) registerMonitor(m);
}
