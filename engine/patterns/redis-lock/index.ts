import { defineProgram } from '../kind';

/** A lock on Redis taken with SET NX PX, polled for while held by another. */
export const redisLockKind = defineProgram({
  kind: 'redis-lock',
  title: 'Redis lock (SET NX PX, polling)',
  needs: ['redis'],
  log: { group: 'lock', namespaces: ['lock'] },
  load: () => import('./program').then((m) => m.redisLock),
});
