import { defineNode } from '../kind';

/** A Redis server: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const redisKind = defineNode({
  type: 'redis',
  title: 'Redis',
  blurb: 'In-memory key-value server with TTLs.',
  linksTo: ['client', 'redis', 'sentinel'],
  log: { group: 'redis', namespaces: ['redis'] },
  load: () => import('./behaviour').then((m) => m.redisBehaviour),
});
