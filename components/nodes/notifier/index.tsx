import type { NodeUi } from '../kind-ui';
import { notifierLook } from './look';
import { BellIcon } from './icon';

/** How a notification service looks: a bell in sky blue. */
export const notifierUi: NodeUi<'notifier'> = {
  type: 'notifier',
  icon: (s) => <BellIcon width={s} height={s} />,
  tone: 'bg-sky-600',
  colour: '#0284c7',
  summary: (v) => notifierLook.word[v.status],
  card: () => import('./card').then((m) => m.NotifierCard),
};
