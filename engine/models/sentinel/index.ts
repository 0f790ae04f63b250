import { defineNode } from '../kind';

/** A Redis Sentinel: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const sentinelKind = defineNode({
  type: 'sentinel',
  title: 'Redis Sentinel',
  blurb: 'Watches a Redis primary, votes, fails over to a replica.',
  linksTo: ['client', 'redis', 'sentinel'],
  log: { group: 'sentinel', namespaces: ['sentinel'] },
  newParams: (nodes) => ({ monitor: nodes.find((n) => n.type === 'redis')?.id ?? 'redis' }),
  load: () => import('./behaviour').then((m) => m.sentinelBehaviour),
});
