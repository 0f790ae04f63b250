import type { NodeUi } from '../kind-ui';
import { ForkIcon } from './icon';

/** How a transaction manager looks: a fork in violet; from afar, the transaction in flight. */
export const xaTmUi: NodeUi<'xa-tm'> = {
  type: 'xa-tm',
  icon: (s) => <ForkIcon width={s} height={s} />,
  tone: 'bg-fuchsia-700',
  colour: '#a21caf',
  summary: (v) => (v.recovering ? 'recovering' : v.active ? `${v.active.gtrid} in flight` : `${v.committed} committed · ${v.rolledBack} rolled back`),
  card: () => import('./card').then((m) => m.XaTmCard),
};
