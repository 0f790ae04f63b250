import { defineNode } from '../kind';

/** A TCC / Saga coordinator: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const tcKind = defineNode({
  type: 'tc',
  title: 'TCC / Saga coordinator',
  blurb: 'DTM’s server or Seata’s TC: global transactions with a branch table in a durable log; Try then Confirm or Cancel, or a saga’s steps then compensations in reverse, retried with backoff until done.',
  linksTo: ['tcc-svc'],
  log: { group: 'tcc', namespaces: ['tc'] },
  load: () => import('./behaviour').then((m) => m.tcBehaviour),
});
