import type { MonitorDef } from '../core/monitor';
import type { ModelDef } from '../core/types';
import { everyChangeNotified } from '../invariants/every-change-notified';
import { fencingOrder } from '../invariants/fencing-order';
import { mutualExclusion } from '../invariants/mutual-exclusion';
import { noAccessAfterLogout } from '../invariants/no-access-after-logout';
import { noLostMessages } from '../invariants/no-lost-messages';
import { noUnexpectedLogout } from '../invariants/no-unexpected-logout';
import { replayMatchesRequest } from '../invariants/replay-matches-request';
import { singleCharge } from '../invariants/single-charge';
import { appModel } from '../models/app-service/model';
import { attackerModel } from '../models/attacker/model';
import { clientModel } from '../models/client/model';
import { lbModel } from '../models/lb/model';
import { paymentsModel } from '../models/payments/model';
import { redisModel } from '../models/redis/model';
import { storageModel } from '../models/storage/model';
import { zookeeperModel } from '../models/zookeeper/model';
import { configAdmin } from '../patterns/config-admin/program';
import { configWatcher } from '../patterns/config-watcher/program';
import { payClient } from '../patterns/pay-client/program';
import type { ProgramDef } from '../patterns/program';
import { redisLock } from '../patterns/redis-lock/program';
import { redisScript } from '../patterns/redis-script/program';
import { redissonLock } from '../patterns/redisson-lock/program';
import { tokenReplay } from '../patterns/token-replay/program';
import { webUser } from '../patterns/web-user/program';
import { zkLock } from '../patterns/zk-lock/program';
import { zkScript } from '../patterns/zk-script/program';
import { registerModel, registerMonitor, registerProgram } from './registry';

// Every kind's behaviour, imported statically and registered on import: for Node, where
// nothing is downloaded and a synchronous start is simpler (the CLI, vitest's setup file,
// scripts). The browser never imports this; it loads kinds on demand (./load.ts). A test
// checks that these lists match the catalogs.

/** Every node model, by type. */
export const ALL_MODELS: Readonly<Record<string, ModelDef<never, unknown>>> = Object.fromEntries(
  [clientModel, redisModel, zookeeperModel, storageModel, paymentsModel, appModel, lbModel, attackerModel].map((m) => [m.type, m as unknown as ModelDef<never, unknown>]),
);

/** Every client program, by kind. */
export const ALL_PROGRAMS: Readonly<Record<string, ProgramDef<never, unknown>>> = Object.fromEntries(
  [redisScript, zkScript, redisLock, redissonLock, zkLock, configAdmin, configWatcher, payClient, webUser, tokenReplay].map((p) => [p.kind, p as ProgramDef<never, unknown>]),
);

/** Every invariant monitor, by id. */
export const ALL_MONITORS: Readonly<Record<string, MonitorDef<never>>> = Object.fromEntries(
  [noLostMessages, mutualExclusion, fencingOrder, everyChangeNotified, singleCharge, replayMatchesRequest, noUnexpectedLogout, noAccessAfterLogout].map((m) => [m.id, m as MonitorDef<never>]),
);

for (const m of Object.values(ALL_MODELS)) registerModel(m);
for (const p of Object.values(ALL_PROGRAMS)) registerProgram(p);
for (const m of Object.values(ALL_MONITORS)) registerMonitor(m);
