import { defineNode } from '../kind';

/** An attacker's machine: what is known of it before its behaviour (./behaviour.ts) is fetched. */
export const attackerKind = defineNode({
  type: 'attacker',
  title: 'Attacker',
  blurb: 'Replays a session cookie or token stolen from a user linked to it.',
  linksTo: ['lb', 'app'],
  // Like a client, it only hosts a program; the events are the program's (token-replay).
  log: { group: 'attacker', namespaces: [] },
  load: () => import('./behaviour').then((m) => m.attackerBehaviour),
});
