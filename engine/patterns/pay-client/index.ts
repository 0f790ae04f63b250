import { defineProgram } from '../kind';

/** Pays for one order, retrying after timeouts with the same idempotency key. */
export const payClientKind = defineProgram({
  kind: 'pay-client',
  title: 'Payment client (retries after a timeout)',
  needs: ['payments'],
  log: { group: 'payments', namespaces: ['pay'] },
  load: () => import('./program').then((m) => m.payClient),
});
