import { defineNode } from '../kind';

/** A payment service: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const paymentsKind = defineNode({
  type: 'payments',
  title: 'Payment service',
  blurb: 'Charges a card for each payment request; can dedupe retries by idempotency key in Redis or ZooKeeper.',
  linksTo: ['client', 'redis', 'zookeeper'],
  log: { group: 'payments', namespaces: ['payments'] },
  load: () => import('./behaviour').then((m) => m.paymentsBehaviour),
});
