import { defineNode } from '../kind';

/** A TCC / Saga participant: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const tccSvcKind = defineNode({
  type: 'tcc-svc',
  title: 'TCC / Saga participant',
  blurb: 'An account service: Try freezes, Confirm spends, Cancel releases (Saga: action and compensation), each a local transaction on its database, optionally behind DTM’s barrier table.',
  linksTo: ['db', 'tc'],
  log: { group: 'tcc', namespaces: ['tcc', 'saga'] },
  load: () => import('./behaviour').then((m) => m.tccSvcBehaviour),
});
