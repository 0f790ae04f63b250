import { defineProgram } from '../kind';

/** A browser: logs in, browses, logs out, through the load balancer. */
export const webUserKind = defineProgram({
  kind: 'web-user',
  title: 'Web user (log in, browse, log out)',
  needs: ['lb'],
  log: { group: 'user', namespaces: ['user'] },
  load: () => import('./program').then((m) => m.webUser),
});
