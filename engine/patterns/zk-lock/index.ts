import { defineProgram } from '../kind';

/** Curator's InterProcessMutex: sequential ephemerals, each waiter watching the one before it. */
export const zkLockKind = defineProgram({
  kind: 'zk-lock',
  title: 'ZooKeeper lock (Curator InterProcessMutex)',
  needs: ['zookeeper'],
  log: { group: 'lock', namespaces: ['lock'] },
  load: () => import('./program').then((m) => m.zkLock),
});
