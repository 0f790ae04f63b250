import { defineMonitor } from '../kind';

/** A message delivered more than once has its effect once at each consumer. */
export const noDoubleEffectKind = defineMonitor({
  id: 'no-double-effect',
  load: () => import('./monitor').then((m) => m.noDoubleEffect),
});
