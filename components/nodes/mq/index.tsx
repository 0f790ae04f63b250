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
    return `${left} waiting · ${v.half.length} half${dlq > 0 ? ` · ${dlq} in DLQ` : ''}${v.discarded.length > 0 ? ` · ${v.discarded.length} discarded` : ''}`;
  },
  card: () => import('./card').then((m) => m.MqCard),
};
