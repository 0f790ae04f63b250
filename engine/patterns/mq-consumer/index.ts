import { defineProgram } from '../kind';

/** Consumes a topic in a consumer group, at least once: acks, fails, and (optionally) dedupes. */
export const mqConsumerKind = defineProgram({
  kind: 'mq-consumer',
  title: 'Broker consumer (a consumer group member)',
  needs: ['mq'],
  log: { group: 'broker', namespaces: ['mqc'] },
  load: () => import('./program').then((m) => m.mqConsumer),
});
