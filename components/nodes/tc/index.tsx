import type { NodeUi } from '../kind-ui';
import { HubIcon } from './icon';

/** How a TCC / Saga coordinator looks: a hub in indigo; from afar, the global transaction in flight. */
export const tcUi: NodeUi<'tc'> = {
  type: 'tc',
  icon: (s) => <HubIcon width={s} height={s} />,
  tone: 'bg-indigo-700',
  colour: '#4338ca',
  summary: (v) => {
    const g = v.gtxs.at(-1);
    if (g && g.status !== 'succeeded' && g.status !== 'failed') return `${g.gid} ${g.status}`;
    return `${v.succeeded} done · ${v.failed} undone`;
  },
  card: () => import('./card').then((m) => m.TcCard),
};
