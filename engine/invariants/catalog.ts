import type { MonitorDef } from '../core/monitor';
import { fencingOrder } from './fencing-order';
import { mutualExclusion } from './mutual-exclusion';
import { noLostMessages } from './no-lost-messages';

/** Every invariant monitor a scenario can ask for, by id. Pattern issues add theirs here. */
export const INVARIANTS: Readonly<Record<string, MonitorDef<never>>> = {
  [noLostMessages.id]: noLostMessages as MonitorDef<never>,
  [mutualExclusion.id]: mutualExclusion as MonitorDef<never>,
  [fencingOrder.id]: fencingOrder as MonitorDef<never>,
};
