import { defineMonitor } from '../kind';

/** Every message that is sent arrives. */
export const noLostMessagesKind = defineMonitor({
  id: 'no-lost-messages',
  load: () => import('./monitor').then((m) => m.noLostMessages),
});
