import type { MonitorDef } from '../core/monitor';

type Behaviour = Promise<MonitorDef<never>>;

/**
 * An invariant a scenario can ask for, before its monitor is loaded: the parser needs only the
 * id. `load` fetches the monitor; engine/registry calls it the first time a scenario asks for it.
 */
export interface InvariantKind {
  readonly id: string;
  load(): Behaviour;
}

const entry = (id: string, load: () => Behaviour): InvariantKind => ({ id, load });

/**
 * Every invariant monitor a scenario can ask for, by id. A new invariant is a file and an entry
 * here; `import()` keeps each monitor's code in its own chunk.
 */
export const INVARIANTS: Readonly<Record<string, InvariantKind>> = {
  'no-lost-messages': entry('no-lost-messages', () => import('./no-lost-messages').then((m) => m.noLostMessages as MonitorDef<never>)),
  'mutual-exclusion': entry('mutual-exclusion', () => import('./mutual-exclusion').then((m) => m.mutualExclusion as MonitorDef<never>)),
  'fencing-order': entry('fencing-order', () => import('./fencing-order').then((m) => m.fencingOrder as MonitorDef<never>)),
  'every-change-notified': entry('every-change-notified', () => import('./every-change-notified').then((m) => m.everyChangeNotified as MonitorDef<never>)),
  'single-charge': entry('single-charge', () => import('./single-charge').then((m) => m.singleCharge as MonitorDef<never>)),
  'replay-matches-request': entry('replay-matches-request', () => import('./replay-matches-request').then((m) => m.replayMatchesRequest as MonitorDef<never>)),
  'no-unexpected-logout': entry('no-unexpected-logout', () => import('./no-unexpected-logout').then((m) => m.noUnexpectedLogout as MonitorDef<never>)),
  'no-access-after-logout': entry('no-access-after-logout', () => import('./no-access-after-logout').then((m) => m.noAccessAfterLogout as MonitorDef<never>)),
};
