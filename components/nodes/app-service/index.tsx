import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { ServerIcon } from './icon';

/** How an app service looks: two server units in sky blue. */
export const appUi: NodeUi<'app'> = {
  type: 'app',
  icon: (s) => <ServerIcon width={s} height={s} />,
  tone: 'bg-sky-600',
  colour: '#0284c7',
  summary: (v) => p('ui.node.app-service.summary', { served: v.served, refused: v.refused }),
  card: () => import('./card').then((m) => m.AppCard),
};
