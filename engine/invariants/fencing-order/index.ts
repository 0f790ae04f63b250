import { defineMonitor } from '../kind';

/** The resource never accepts a fencing token smaller than one it has already seen. */
export const fencingOrderKind = defineMonitor({
  id: 'fencing-order',
  load: () => import('./monitor').then((m) => m.fencingOrder),
});
