import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { ClientIcon } from './icon';

/** How a client looks: a laptop in indigo; from afar, its program's state in a word. */
export const clientUi: NodeUi<'client'> = {
  type: 'client',
  icon: (s) => <ClientIcon width={s} height={s} />,
  tone: 'bg-client',
  colour: '#4f46e5',
  summary: (v) => p(`ui.nodes.status_${v.status}`),
  card: () => import('./card').then((m) => m.ClientCard),
};
