import type { NodeUi } from '../kind-ui';
import { WatchIcon } from './icon';

/** How a Sentinel looks: an eye in red; from afar, its view of the primary and its epoch. */
export const sentinelUi: NodeUi<'sentinel'> = {
  type: 'sentinel',
  icon: (s) => <WatchIcon width={s} height={s} />,
  tone: 'bg-sentinel',
  colour: '#b91c1c',
  summary: (v) => `${v.masterState} · primary ${v.primary} · epoch ${v.currentEpoch}`,
  fields: {
    masterName: { label: 'Master name' },
    monitor: { label: 'Monitors (primary at start)' },
    quorum: { label: 'Quorum' },
    downAfterMs: { label: 'down-after-milliseconds', unit: 'ms' },
    failoverTimeoutMs: { label: 'failover-timeout', unit: 'ms' },
    parallelSyncs: { label: 'parallel-syncs' },
    sentinels: { label: 'Other sentinels' },
  },
  card: () => import('./card').then((m) => m.SentinelCard),
};
