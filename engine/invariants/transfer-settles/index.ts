import { defineMonitor } from '../kind';

/**
 * Every transfer settles: its money arrives or goes back, within the deadline its service
 * promises, and each pattern's accounts add up whenever none of its transfers is in flight.
 * It also keeps the numbers a transaction showdown compares, per pattern.
 */
export const transferSettlesKind = defineMonitor({
  id: 'transfer-settles',
  load: () => import('./monitor').then((m) => m.transferSettles),
});
