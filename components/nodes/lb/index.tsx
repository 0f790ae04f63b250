import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { BalancerIcon } from './icon';

/** How a load balancer looks: one line in, three out, in violet. */
export const lbUi: NodeUi<'lb'> = {
  type: 'lb',
  icon: (s) => <BalancerIcon width={s} height={s} />,
  tone: 'bg-violet-600',
  colour: '#7c3aed',
  summary: (v) => p('ui.node.lb.summary', { up: v.backends.filter((b) => b.up).length, total: v.backends.length }),
  card: () => import('./card').then((m) => m.LbCard),
};
