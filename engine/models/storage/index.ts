import { defineNode } from '../kind';

/** The resource a lock protects: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const storageKind = defineNode({
  type: 'storage',
  title: 'Storage',
  blurb: 'The resource a lock protects; with fencing it refuses writes carrying an old token.',
  linksTo: ['client'],
  log: { group: 'storage', namespaces: ['storage'] },
  load: () => import('./behaviour').then((m) => m.storageBehaviour),
});
