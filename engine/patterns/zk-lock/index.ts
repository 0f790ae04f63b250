import { defineProgram } from '../kind';
import { zkLockParams } from './params';

/** Curator's InterProcessMutex: sequential ephemerals, each waiter watching the one before it. */
export const zkLockKind = defineProgram({
  kind: 'zk-lock',
  title: 'ZooKeeper lock (Curator InterProcessMutex)',
  params: zkLockParams,
  needs: ['zookeeper'],
  log: { group: 'lock', namespaces: ['lock'] },
  load: () => import('./program').then((m) => m.zkLock),
});
