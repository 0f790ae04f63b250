import { defineMonitor } from '../kind';

/** A saga ends all done (order confirmed, paid, stock reserved) or all undone (cancelled, money and stock back). */
export const sagaAllOrNothingKind = defineMonitor({
  id: 'saga-all-or-nothing',
  load: () => import('./monitor').then((m) => m.sagaAllOrNothing),
});
