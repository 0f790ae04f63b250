import { defineNode } from '../kind';

/** A rate limiter: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const limiterKind = defineNode({
  type: 'limiter',
  title: 'Rate limiter',
  blurb: 'Lets requests through at a set rate: fixed or sliding window, leaky or token bucket, Guava’s, Sentinel’s, or Spring Cloud Gateway’s on Redis; refuses (429) or queues the rest.',
  linksTo: ['client', 'redis'],
  log: { group: 'limiter', namespaces: ['limiter'] },
  load: () => import('./behaviour').then((m) => m.limiterBehaviour),
});
