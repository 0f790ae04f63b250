import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { FunnelIcon } from './icon';

/** How a rate limiter looks: a funnel in amber; far away, its algorithm and what it let through. */
export const limiterUi: NodeUi<'limiter'> = {
  type: 'limiter',
  icon: (s) => <FunnelIcon width={s} height={s} />,
  tone: 'bg-amber-600',
  colour: '#d97706',
  summary: (v) => p('ui.node.limiter.summary', { name: v.name, allowed: v.allowed, rejected: v.rejected, queued: v.queue.length }),
  fields: {
    algorithm: { label: p('ui.node.limiter.field-algorithm') },
    perKey: { label: p('ui.node.limiter.field-perKey') },
  },
  card: () => import('./card').then((m) => m.LimiterCard),
};
