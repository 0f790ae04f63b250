import type { NodeUi } from '../kind-ui';
import { FunnelIcon } from './icon';

/** How a rate limiter looks: a funnel in amber; far away, its algorithm and what it let through. */
export const limiterUi: NodeUi<'limiter'> = {
  type: 'limiter',
  icon: (s) => <FunnelIcon width={s} height={s} />,
  tone: 'bg-amber-600',
  colour: '#d97706',
  summary: (v) => `${v.name}: ${v.allowed} through, ${v.rejected} refused${v.queue.length ? `, ${v.queue.length} queued` : ''}`,
  fields: {
    algorithm: { label: 'Algorithm' },
    perKey: { label: 'One limiter per key (user)' },
  },
  card: () => import('./card').then((m) => m.LimiterCard),
};
