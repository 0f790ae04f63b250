import { defineMonitor } from '../kind';

/** Each order is charged at most once, however often the client retries. */
export const singleChargeKind = defineMonitor({
  id: 'single-charge',
  load: () => import('./monitor').then((m) => m.singleCharge),
});
