import type { MonitorDef } from '../core/monitor';
import type { ModelDef } from '../core/types';
import type { ProgramDef } from '../patterns/program';

// The behaviour loaded so far: node models, client programs and invariant monitors, by the key
// the catalogs use. It only ever grows, and an entry never changes once set (a kind's code is
// the same whenever it arrives), so when something was loaded cannot change a run.

const models: Record<string, ModelDef<never, unknown>> = Object.create(null);
const programs: Record<string, ProgramDef<never, unknown>> = Object.create(null);
const monitors: Record<string, MonitorDef<never>> = Object.create(null);

/**
 * The node models loaded so far, by type: the registry a Simulation is built with. A live view,
 * so a kind loaded later is found by simulations built after it.
 */
export const LOADED_MODELS: Readonly<Record<string, ModelDef<never, unknown>>> = models;

/** Records a node model's behaviour under its type. */
export function registerModel(def: ModelDef<never, unknown>): void {
  models[def.type] = def;
}

/** Records a client program's behaviour under its kind. */
export function registerProgram(def: ProgramDef<never, unknown>): void {
  programs[def.kind] = def;
}

/** Records an invariant monitor under its id. */
export function registerMonitor(def: MonitorDef<never>): void {
  monitors[def.id] = def;
}

/** Whether the model of node type `type` is loaded. */
export function hasModel(type: string): boolean {
  return Object.hasOwn(models, type);
}

/** The loaded behaviour of program `kind`, or undefined while it is not loaded. */
export function programBehaviour(kind: string): ProgramDef<never, unknown> | undefined {
  return Object.hasOwn(programs, kind) ? programs[kind] : undefined;
}

/** The loaded monitor `id`, or undefined while it is not loaded. */
export function monitorBehaviour(id: string): MonitorDef<never> | undefined {
  return Object.hasOwn(monitors, id) ? monitors[id] : undefined;
}
