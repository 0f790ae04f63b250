import { defineProgram } from '../kind';

/** A payment platform notifying a merchant on a real provider's retry schedule, then giving up. */
export const notifierKind = defineProgram({
  kind: 'notifier',
  title: 'Notifier (best effort, on a provider’s retry schedule)',
  needs: ['client'],
  log: { group: 'notify', namespaces: ['notify'] },
  load: () => import('./program').then((m) => m.notifier),
});
