import { defineNode } from '../kind';

/** A ZooKeeper server: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const zookeeperKind = defineNode({
  type: 'zookeeper',
  title: 'ZooKeeper',
  blurb: 'Coordination service: znodes, sessions, watches.',
  linksTo: ['client', 'zookeeper'],
  // zk.* also holds what the ZooKeeper client library and zk-script report on the client's side.
  log: { group: 'zk', namespaces: ['zk'] },
  load: () => import('./behaviour').then((m) => m.zookeeperBehaviour),
});
