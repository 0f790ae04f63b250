import { defineProgram } from '../kind';
import { txProducerParams } from './params';

/** Pays orders with a transactional message: half message, local transaction, COMMIT / ROLLBACK, and answers back-checks. */
export const txProducerKind = defineProgram({
  kind: 'tx-producer',
  title: 'Transactional producer (half message, local transaction, back-check)',
  params: txProducerParams,
  needs: ['mq'],
  log: { group: 'broker', namespaces: ['txp'] },
  load: () => import('./program').then((m) => m.txProducer),
});
