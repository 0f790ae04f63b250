import type { NodeUi } from '../kind-ui';
import { BalancerIcon } from './icon';

/** How a load balancer looks: one line in, three out, in violet. */
export const lbUi: NodeUi<'lb'> = {
  type: 'lb',
  icon: (s) => <BalancerIcon width={s} height={s} />,
  tone: 'bg-violet-600',
  colour: '#7c3aed',
  summary: (v) => `${v.backends.filter((b) => b.up).length}/${v.backends.length} up`,
  card: () => import('./card').then((m) => m.LbCard),
};
