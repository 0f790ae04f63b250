import type { MonitorDef } from '../core/monitor';
import type { ModelDef } from '../core/types';
import type { AnyNodeBehaviour } from '../models/kind';
import type { ProgramDef } from '../core/program';

// The behaviour loaded so far: node models and their views, client programs and invariant
// monitors, by the key the catalogs use. It only ever grows, and an entry never changes once
// set (a kind's code is the same whenever it arrives), so when something was loaded cannot
// change a run.

const models: Record<string, ModelDef<never, unknown>> = Object.create(null);
const views: Record<string, (state: never) => unknown> = Object.create(null);
const programs: Record<string, ProgramDef<never, unknown>> = Object.create(null);
const monitors: Record<string, MonitorDef<never>> = Object.create(null);

/**
 * The node models loaded so far, by type: the registry a Simulation is built with. A live view,
 * so a kind loaded later is found by simulations built after it.
 */
export const LOADED_MODELS: Readonly<Record<string, ModelDef<never, unknown>>> = models;

/** Records a node kind's behaviour, its model and its view, under its type. */
export function registerNode(b: AnyNodeBehaviour): void {
  models[b.model.type] = b.model;
  views[b.model.type] = b.view;
}

/** The view of node type `type`, once its behaviour is loaded. */
export function nodeView(type: string): ((state: never) => unknown) | undefined {
  return Object.hasOwn(views, type) ? views[type] : undefined;
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
