import { defineNode } from '../kind';

/** A notification service: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const notifierKind = defineNode({
  type: 'notifier',
  title: 'Notifier',
  blurb: 'A payment platform’s notification service: calls a merchant on a real provider’s retry schedule, gives up after the last try, answers queries.',
  linksTo: ['client'],
  // Like a client, it only hosts a program; the events are the program's (notifier).
  log: { group: 'notifier', namespaces: [] },
  load: () => import('./behaviour').then((m) => m.notifierBehaviour),
});
