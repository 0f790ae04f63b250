import type { NodeUi } from '../kind-ui';
import { BoxIcon } from './icon';

/** How a storage node looks: a plain box in slate. */
export const storageUi: NodeUi<'storage'> = {
  type: 'storage',
  icon: (s) => <BoxIcon width={s} height={s} />,
  tone: 'bg-slate-500',
  colour: '#64748b',
  card: () => import('./card').then((m) => m.StorageCard),
};
