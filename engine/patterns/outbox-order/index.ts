import { defineProgram } from '../kind';

/** Places orders, each with its outbox row in the same local transaction. */
export const outboxOrderKind = defineProgram({
  kind: 'outbox-order',
  title: 'Order service (order row + outbox row in one local transaction)',
  needs: ['db'],
  log: { group: 'broker', namespaces: ['order'] },
  load: () => import('./program').then((m) => m.outboxOrder),
});
