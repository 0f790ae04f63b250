import { defineMonitor } from '../kind';

/** Each global transaction, once settled, is done on every branch or undone on every branch, exactly once. */
export const allOrNothingKind = defineMonitor({
  id: 'all-or-nothing',
  load: () => import('./monitor').then((m) => m.allOrNothing),
});
