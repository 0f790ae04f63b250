import type { MonitorDef } from '../core/monitor';
import type { ModelDef } from '../core/types';
import { MONITOR_MANIFESTS } from '../invariants/catalog';
import { NODE_MANIFESTS } from '../models/catalog';
import type { AnyNodeBehaviour } from '../models/kind';
import { PROGRAM_MANIFESTS } from '../patterns/catalog';
import type { ProgramDef } from '../core/program';
import { registerMonitor, registerNode, registerProgram } from './registry';

// Every kind's behaviour, loaded and registered before this module finishes importing: for
// Node, where nothing is downloaded and a synchronous start is simpler (the CLI, vitest's setup
// file, scripts). The kinds are the catalogs' lists, loaded through the same `import()`s the
// browser uses, so there is no second list to keep in step. The browser never imports this; it
// loads kinds on demand (./load.ts).

const [nodes, programs, monitors] = await Promise.all([
  Promise.all(NODE_MANIFESTS.map((k) => k.load() as Promise<AnyNodeBehaviour>)),
  Promise.all(PROGRAM_MANIFESTS.map((p) => p.load())),
  Promise.all(MONITOR_MANIFESTS.map((m) => m.load() as Promise<MonitorDef<never>>)),
]);

/** Every node kind's behaviour (model and view), by type. */
export const ALL_NODES: Readonly<Record<string, AnyNodeBehaviour>> = Object.fromEntries(nodes.map((b) => [b.model.type, b]));

/** Every node model, by type. */
export const ALL_MODELS: Readonly<Record<string, ModelDef<never, unknown>>> = Object.fromEntries(nodes.map((b) => [b.model.type, b.model]));

/** Every client program, by kind. */
export const ALL_PROGRAMS: Readonly<Record<string, ProgramDef<never, unknown>>> = Object.fromEntries(programs.map((p) => [p.kind, p]));

/** Every invariant monitor, by id. */
export const ALL_MONITORS: Readonly<Record<string, MonitorDef<never>>> = Object.fromEntries(monitors.map((m) => [m.id, m]));

for (const b of nodes) registerNode(b);
for (const p of programs) registerProgram(p);
for (const m of monitors) registerMonitor(m);
