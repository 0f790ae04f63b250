import { defineProgram } from '../kind';

/** Pays orders with a transactional message: half message, local transaction, COMMIT / ROLLBACK, and answers back-checks. */
export const txProducerKind = defineProgram({
  kind: 'tx-producer',
  title: 'Transactional producer (half message, local transaction, back-check)',
  needs: ['mq'],
  log: { group: 'broker', namespaces: ['txp'] },
  load: () => import('./program').then((m) => m.txProducer),
});
