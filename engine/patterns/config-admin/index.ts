import { defineProgram } from '../kind';
import { configAdminParams } from './params';

/** Sets a configuration znode at fixed times: the admin side of a distributed watch. */
export const configAdminKind = defineProgram({
  kind: 'config-admin',
  title: 'Config admin (sets a znode at fixed times)',
  params: configAdminParams,
  needs: ['zookeeper'],
  log: { group: 'config', namespaces: ['config'] },
  load: () => import('./program').then((m) => m.configAdmin),
});
