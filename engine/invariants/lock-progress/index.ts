import { defineMonitor } from '../kind';

/** A free lock does not stay free while clients wait for it: liveness, judged by the recipe's own bound. */
export const lockProgressKind = defineMonitor({
  id: 'lock-progress',
  load: () => import('./monitor').then((m) => m.lockProgress),
});
