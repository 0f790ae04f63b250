import type { MonitorDef } from '../core/monitor';

/**
 * An invariant a scenario can ask for, before its monitor is loaded: the parser needs only the
 * id. One per monitor (./<id>/index.ts); `load` fetches the monitor, which engine/registry
 * calls the first time a scenario asks for it.
 */
export interface MonitorManifest<I extends string = string> {
  readonly id: I;
  load(): Promise<MonitorDef<unknown>>;
}

/** Declares an invariant monitor, keeping its id as a literal so the catalog yields the union of ids. */
export function defineMonitor<const I extends string>(m: MonitorManifest<I>): MonitorManifest<I> {
  return m;
}
