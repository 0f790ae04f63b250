import { defineNode } from '../kind';

/** A MariaDB server: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const dbKind = defineNode({
  type: 'db',
  title: 'Database',
  blurb: 'MariaDB/InnoDB: tables of rows, transactions with row locks, deadlock detection, XA branches that survive a crash.',
  linksTo: ['client', 'xa-tm', 'tcc-svc'],
  log: { group: 'db', namespaces: ['db'] },
  newParams: () => ({
    tables: {
      accounts: [
        { id: 'alice', balance: 100, frozen: 0 },
        { id: 'bob', balance: 100, frozen: 0 },
      ],
    },
  }),
  load: () => import('./behaviour').then((m) => m.dbBehaviour),
});
