import { defineMonitor } from '../kind';

/** The merchant comes to know of every order paid at the platform, and never closes a paid order as unpaid. */
export const paidOrderKnownKind = defineMonitor({
  id: 'paid-order-known',
  load: () => import('./monitor').then((m) => m.paidOrderKnown),
});
