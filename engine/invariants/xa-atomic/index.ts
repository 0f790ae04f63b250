import { defineMonitor } from '../kind';

/** An XA global transaction commits on every database or on none: a heuristic decision that breaks this is flagged. */
export const xaAtomicKind = defineMonitor({
  id: 'xa-atomic',
  load: () => import('./monitor').then((m) => m.xaAtomic),
});
