import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { BoxIcon } from './icon';

/** How a storage node looks: a plain box in slate. */
export const storageUi: NodeUi<'storage'> = {
  type: 'storage',
  icon: (s) => <BoxIcon width={s} height={s} />,
  tone: 'bg-slate-500',
  colour: '#64748b',
  summary: (v) => p('ui.node.storage.summary', { writes: v.writes, rejects: v.rejects }),
  card: () => import('./card').then((m) => m.StorageCard),
};
