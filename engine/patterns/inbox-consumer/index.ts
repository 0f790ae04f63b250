import { defineProgram } from '../kind';

/** Consumes a topic and ships each order, deduping by message id in an inbox table in its own database. */
export const inboxConsumerKind = defineProgram({
  kind: 'inbox-consumer',
  title: 'Consumer with an inbox table (dedupe in the effect’s transaction)',
  needs: ['mq', 'db'],
  log: { group: 'broker', namespaces: ['inbox'] },
  load: () => import('./program').then((m) => m.inboxConsumer),
});
