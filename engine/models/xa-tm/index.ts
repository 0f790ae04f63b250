import { defineNode } from '../kind';

/** An XA transaction manager: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const xaTmKind = defineNode({
  type: 'xa-tm',
  title: 'XA transaction manager',
  blurb: 'Runs transfers as XA global transactions over databases: prepare every branch, log the decision, commit; recovers in-doubt branches after a crash.',
  linksTo: ['db'],
  log: { group: 'xa', namespaces: ['xa'] },
  load: () => import('./behaviour').then((m) => m.xaTmBehaviour),
});
