import { defineProgram } from '../kind';

/** Runs a list of ZooKeeper commands over one session, the way a person at zkCli would. */
export const zkScriptKind = defineProgram({
  kind: 'zk-script',
  title: 'ZooKeeper command script',
  needs: ['zookeeper'],
  example: { ops: ['create /app hello', 'get -w /app', 'set /app bye', 'ls /'] },
  // Its replies are zk.script.* events, in the zk namespace the ZooKeeper kind owns.
  log: { group: 'zk', namespaces: [] },
  load: () => import('./program').then((m) => m.zkScript),
});
