import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { WatchIcon } from './icon';

/** How a Sentinel looks: an eye in red; from afar, its view of the primary, the primary it names and its epoch. */
export const sentinelUi: NodeUi<'sentinel'> = {
  type: 'sentinel',
  icon: (s) => <WatchIcon width={s} height={s} />,
  tone: 'bg-sentinel',
  colour: '#b91c1c',
  summary: (v) => p('ui.node.sentinel.summary', { state: v.masterState, monitored: v.monitored, master: v.masterName, primary: v.primary, epoch: v.currentEpoch }),
  card: () => import('./card').then((m) => m.SentinelCard),
};
