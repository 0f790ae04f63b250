import { defineProgram } from '../kind';

/** Replays a stolen session cookie or token. */
export const tokenReplayKind = defineProgram({
  kind: 'token-replay',
  title: 'Attacker replaying a stolen token',
  needs: ['lb'],
  log: { group: 'attacker', namespaces: ['attacker'] },
  load: () => import('./program').then((m) => m.tokenReplay),
});
