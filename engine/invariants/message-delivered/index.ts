import { defineMonitor } from '../kind';

/** A message its producer committed reaches its consumers: not discarded, not left in a DLQ. */
export const messageDeliveredKind = defineMonitor({
  id: 'message-delivered',
  load: () => import('./monitor').then((m) => m.messageDelivered),
});
