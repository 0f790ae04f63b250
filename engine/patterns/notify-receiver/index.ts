import { defineProgram } from '../kind';

/** A merchant receiving payment notifications: answers “success”, dedupes, and can query back. */
export const notifyReceiverKind = defineProgram({
  kind: 'notify-receiver',
  title: 'Notified merchant (dedupes, queries back)',
  needs: ['notifier'],
  log: { group: 'notify', namespaces: ['recv'] },
  load: () => import('./program').then((m) => m.notifyReceiver),
});
