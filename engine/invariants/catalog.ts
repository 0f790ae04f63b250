import { byKey } from '../core/manifest';
import { allOrNothingKind } from './all-or-nothing';
import { everyChangeNotifiedKind } from './every-change-notified';
import { fencingOrderKind } from './fencing-order';
import { lockProgressKind } from './lock-progress';
import { moneyConservedKind } from './money-conserved';
import type { MonitorManifest } from './kind';
import { messageDeliveredKind } from './message-delivered';
import { mutualExclusionKind } from './mutual-exclusion';
import { noAccessAfterLogoutKind } from './no-access-after-logout';
import { noDoubleEffectKind } from './no-double-effect';
import { noLostMessagesKind } from './no-lost-messages';
import { noUnexpectedLogoutKind } from './no-unexpected-logout';
import { paidOrderKnownKind } from './paid-order-known';
import { rateBoundKind } from './rate-bound';
import { replayMatchesRequestKind } from './replay-matches-request';
import { sagaAllOrNothingKind } from './saga-all-or-nothing';
import { singleChargeKind } from './single-charge';
import { transferSettlesKind } from './transfer-settles';
import { xaAtomicKind } from './xa-atomic';

/**
 * Every invariant monitor a scenario can ask for: one manifest per monitor (./<id>/index.ts).
 * A new invariant is a folder and an entry here; `import()` keeps each monitor's code in its
 * own chunk.
 */
export const MONITOR_MANIFESTS = [
  noLostMessagesKind,
  mutualExclusionKind,
  lockProgressKind,
  fencingOrderKind,
  everyChangeNotifiedKind,
  singleChargeKind,
  replayMatchesRequestKind,
  noUnexpectedLogoutKind,
  noAccessAfterLogoutKind,
  rateBoundKind,
  moneyConservedKind,
  messageDeliveredKind,
  noDoubleEffectKind,
  paidOrderKnownKind,
  allOrNothingKind,
  xaAtomicKind,
  sagaAllOrNothingKind,
  transferSettlesKind,
] as const;

/** Every invariant id. */
export type MonitorId = (typeof MONITOR_MANIFESTS)[number]['id'];

/** An invariant's manifest, whatever its id. */
export type InvariantKind = MonitorManifest<MonitorId>;

/** Every invariant monitor, by id. */
export const INVARIANTS: Readonly<Record<string, InvariantKind>> = byKey(MONITOR_MANIFESTS.map((m) => [m.id, m]));
