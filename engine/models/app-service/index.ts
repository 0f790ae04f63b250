import { defineNode } from '../kind';

/** An app service: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const appKind = defineNode({
  type: 'app',
  title: 'App service',
  blurb: 'Serves logged-in users; keeps sessions in memory or in Redis, or verifies JWTs on its own clock.',
  linksTo: ['client', 'lb', 'redis'],
  log: { group: 'app', namespaces: ['app', 'session', 'jwt'] },
  load: () => import('./behaviour').then((m) => m.appBehaviour),
});
