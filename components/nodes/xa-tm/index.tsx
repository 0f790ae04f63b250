import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { ForkIcon } from './icon';

/** How a transaction manager looks: a fork in violet; from afar, the transaction in flight. */
export const xaTmUi: NodeUi<'xa-tm'> = {
  type: 'xa-tm',
  icon: (s) => <ForkIcon width={s} height={s} />,
  tone: 'bg-fuchsia-700',
  colour: '#a21caf',
  summary: (v) => (v.recovering ? p('ui.node.xa-tm.recovering') : v.active ? p('ui.node.xa-tm.inFlight', { gtrid: v.active.gtrid }) : p('ui.node.xa-tm.summary', { committed: v.committed, rolledBack: v.rolledBack })),
  card: () => import('./card').then((m) => m.XaTmCard),
};
