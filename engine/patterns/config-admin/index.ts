import { defineProgram } from '../kind';

/** Sets a configuration znode at fixed times: the admin side of a distributed watch. */
export const configAdminKind = defineProgram({
  kind: 'config-admin',
  title: 'Config admin (sets a znode at fixed times)',
  needs: ['zookeeper'],
  log: { group: 'config', namespaces: ['config'] },
  load: () => import('./program').then((m) => m.configAdmin),
});
