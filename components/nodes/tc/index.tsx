import { p } from '@/engine/core/phrase';
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
    return p('ui.node.tc.summary', { succeeded: v.succeeded, failed: v.failed });
  },
  card: () => import('./card').then((m) => m.TcCard),
};
