import type { NodeUi } from '../kind-ui';
import { plural } from '../plural';
import { BoxIcon } from './icon';

/** How a storage node looks: a plain box in slate. */
export const storageUi: NodeUi<'storage'> = {
  type: 'storage',
  icon: (s) => <BoxIcon width={s} height={s} />,
  tone: 'bg-slate-500',
  colour: '#64748b',
  summary: (v) => `${plural(v.writes, 'write')} · ${v.rejects} refused`,
  card: () => import('./card').then((m) => m.StorageCard),
};
