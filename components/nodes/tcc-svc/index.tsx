import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { SvcIcon } from './icon';

/** How a participant looks: a service box in teal; from afar, what it is working on. */
export const tccSvcUi: NodeUi<'tcc-svc'> = {
  type: 'tcc-svc',
  icon: (s) => <SvcIcon width={s} height={s} />,
  tone: 'bg-teal-700',
  colour: '#0f766e',
  summary: (v) => (v.working.length > 0 ? v.working.join(', ') : p(v.barrier ? 'ui.node.tcc-svc.barrierOn' : 'ui.node.tcc-svc.noBarrier')),
  card: () => import('./card').then((m) => m.TccSvcCard),
};
