import { defineMonitor } from '../kind';

/** Every watcher is notified of every change to the znode it watches. */
export const everyChangeNotifiedKind = defineMonitor({
  id: 'every-change-notified',
  load: () => import('./monitor').then((m) => m.everyChangeNotified),
});
