import { bestEffortNotification, bestEffortNotificationQuery } from './best-effort-notification';
import { configWatchOneShot, configWatchPersistent } from './config-watch';
import { gcPauseFencing, gcPauseFencingSafe } from './gc-pause-fencing';
import { idempotencyCrash, idempotencyNone, idempotencyRedis, idempotencyZk } from './idempotency';
import { localMessageTable, localMessageTableNoInbox } from './local-message-table';
import { lockShowdown } from './lock-showdown';
import { RATE_LIMIT_SCENARIOS } from './rate-limit';
import { redisBasics } from './redis-basics';
import { redisFailover } from './redis-failover';
import { redisFailoverLockLoss } from './redis-failover-lock-loss';
import { redisLockExpiry } from './redis-lock-expiry';
import { redisLockPolling } from './redis-lock-polling';
import { redisLockUnsafeDel } from './redis-lock-unsafe-del';
import { redisLockWatchdog } from './redis-lock-watchdog';
import { redlock, redlockGcPause, redlockRestartWithoutPersistence } from './redlock';
import { redisSentinelFailoverLockLoss } from './redis-sentinel-failover';
import { sagaChoreography } from './saga-choreography';
import { sessionJwt, sessionJwtDenylist } from './session-jwt';
import { transactionalMessage, transactionalMessageDlq, transactionalMessageUnknown } from './transactional-message';
import { sessionStoreMemory, sessionStoreRedis } from './session-store';
import { zkBasics } from './zk-basics';
import { zkLockScenario } from './zk-lock';
import { zkEnsembleFailover, zkStaleRead } from './zk-ensemble';
import { zkLockHerd } from './zk-lock-herd';
import { xa2pc } from './xa-2pc';
import { tcc } from './tcc';
import { saga, sagaIsolation } from './saga';
import { tccDuplicateConfirm, tccEmptyRollback, tccHanging } from './tcc-problems';
import { xaHeuristic } from './xa-heuristic';
import { txShowdown } from './tx-showdown';
import type { BuiltinScenario } from './types';

export type { BuiltinScenario, Topic } from './types';
export { TOPICS } from './types';

/** Every built-in scenario; the gallery and `npm run sim -- --list` read this. */
export const LIBRARY: readonly BuiltinScenario[] = [redisBasics, redisFailover, zkBasics, redisLockPolling, redisLockWatchdog, redisLockUnsafeDel, redisLockExpiry, zkLockScenario, zkLockHerd, gcPauseFencing, gcPauseFencingSafe, redisFailoverLockLoss, redisSentinelFailoverLockLoss, redlock, redlockRestartWithoutPersistence, redlockGcPause, lockShowdown, zkEnsembleFailover, configWatchOneShot, configWatchPersistent, zkStaleRead, idempotencyNone, idempotencyRedis, idempotencyZk, idempotencyCrash, sessionStoreMemory, sessionStoreRedis, sessionJwt, sessionJwtDenylist, ...RATE_LIMIT_SCENARIOS, xa2pc, xaHeuristic, tcc, tccEmptyRollback, tccHanging, tccDuplicateConfirm, saga, sagaIsolation, transactionalMessage, transactionalMessageUnknown, transactionalMessageDlq, localMessageTable, localMessageTableNoInbox, sagaChoreography, bestEffortNotification, bestEffortNotificationQuery, txShowdown];

/** A built-in scenario by id. */
export function builtin(id: string): BuiltinScenario | undefined {
  return LIBRARY.find((s) => s.id === id);
}
