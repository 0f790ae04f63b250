import type { MonitorDef } from '../core/monitor';
import { noLostMessages } from './no-lost-messages';

/** Every invariant monitor a scenario can ask for, by id. Pattern issues add theirs here. */
export const INVARIANTS: Readonly<Record<string, MonitorDef<never>>> = {
  [noLostMessages.id]: noLostMessages as MonitorDef<never>,
};
