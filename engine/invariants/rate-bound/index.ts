import { defineMonitor } from '../kind';

/** A limiter that promises "at most L in any window of W" keeps it, across window boundaries too. */
export const rateBoundKind = defineMonitor({
  id: 'rate-bound',
  load: () => import('./monitor').then((m) => m.rateBound),
});
