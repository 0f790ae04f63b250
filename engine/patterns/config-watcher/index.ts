import { defineProgram } from '../kind';

/** Follows a configuration znode with a one-shot or a persistent watch. */
export const configWatcherKind = defineProgram({
  kind: 'config-watcher',
  title: 'Config watcher (one-shot or persistent watch)',
  needs: ['zookeeper'],
  log: { group: 'config', namespaces: ['config'] },
  load: () => import('./program').then((m) => m.configWatcher),
});
