import { defineProgram } from '../kind';
import { inboxConsumerParams } from './params';

/** Consumes a topic and ships each order, deduping by message id in an inbox table in its own database. */
export const inboxConsumerKind = defineProgram({
  kind: 'inbox-consumer',
  title: 'Consumer with an inbox table (dedupe in the effect’s transaction)',
  params: inboxConsumerParams,
  needs: ['mq', 'db'],
  log: { group: 'broker', namespaces: ['inbox'] },
  load: () => import('./program').then((m) => m.inboxConsumer),
});
