import { defineNode } from '../kind';

/** A RocketMQ-style message broker: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const mqKind = defineNode({
  type: 'mq',
  title: 'Message broker',
  blurb: 'RocketMQ-style broker: topics with queues, consumer groups, retries at delay levels, a dead-letter queue, transactional half messages with back-checks.',
  linksTo: ['client'],
  log: { group: 'broker', namespaces: ['mq'] },
  load: () => import('./behaviour').then((m) => m.mqBehaviour),
});
