import { defineProgram } from '../kind';

/** Redisson's lock: a hash with a watchdog renewing it, waiters woken by pub/sub. */
export const redissonLockKind = defineProgram({
  kind: 'redisson-lock',
  title: 'Redisson lock (watchdog, pub/sub)',
  needs: ['redis'],
  log: { group: 'lock', namespaces: ['lock'] },
  load: () => import('./program').then((m) => m.redissonLock),
});
