import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { QueueIcon } from './icon';

/** How a message broker looks: a queue in teal. */
export const mqUi: NodeUi<'mq'> = {
  type: 'mq',
  icon: (s) => <QueueIcon width={s} height={s} />,
  tone: 'bg-teal-600',
  colour: '#0d9488',
  summary: (v) => {
    const left = v.groups.reduce((n, g) => n + g.remaining, 0);
    const dlq = v.groups.reduce((n, g) => n + g.dlq.length, 0);
    return p('ui.node.mq.summary', { left, half: v.half.length, dlq, discarded: v.discarded.length });
  },
  card: () => import('./card').then((m) => m.MqCard),
};
