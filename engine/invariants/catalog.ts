import type { MonitorDef } from '../core/monitor';
import { everyChangeNotified } from './every-change-notified';
import { fencingOrder } from './fencing-order';
import { mutualExclusion } from './mutual-exclusion';
import { noAccessAfterLogout } from './no-access-after-logout';
import { noLostMessages } from './no-lost-messages';
import { noUnexpectedLogout } from './no-unexpected-logout';
import { replayMatchesRequest } from './replay-matches-request';
import { singleCharge } from './single-charge';

/** Every invariant monitor a scenario can ask for, by id. Pattern issues add theirs here. */
export const INVARIANTS: Readonly<Record<string, MonitorDef<never>>> = {
  [noLostMessages.id]: noLostMessages as MonitorDef<never>,
  [mutualExclusion.id]: mutualExclusion as MonitorDef<never>,
  [fencingOrder.id]: fencingOrder as MonitorDef<never>,
  [everyChangeNotified.id]: everyChangeNotified as MonitorDef<never>,
  [singleCharge.id]: singleCharge as MonitorDef<never>,
  [replayMatchesRequest.id]: replayMatchesRequest as MonitorDef<never>,
  [noUnexpectedLogout.id]: noUnexpectedLogout as MonitorDef<never>,
  [noAccessAfterLogout.id]: noAccessAfterLogout as MonitorDef<never>,
};
