import { defineMonitor } from '../kind';

/** Money is neither made nor lost: at every quiescent point the accounts hold what they held at the start. */
export const moneyConservedKind = defineMonitor({
  id: 'money-conserved',
  load: () => import('./monitor').then((m) => m.moneyConserved),
});
