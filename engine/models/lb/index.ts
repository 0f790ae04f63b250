import { defineNode } from '../kind';

/** A load balancer: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const lbKind = defineNode({
  type: 'lb',
  title: 'Load balancer',
  blurb: 'Spreads requests over app services, round-robin or sticky; health-checks them and skips the ones down.',
  linksTo: ['client', 'app'],
  log: { group: 'lb', namespaces: ['lb'] },
  load: () => import('./behaviour').then((m) => m.lbBehaviour),
});
