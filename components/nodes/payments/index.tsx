import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { CardIcon } from './icon';

/** How a payment service looks: a payment card in amber. */
export const paymentsUi: NodeUi<'payments'> = {
  type: 'payments',
  icon: (s) => <CardIcon width={s} height={s} />,
  tone: 'bg-amber-600',
  colour: '#d97706',
  summary: (v) => (v.doubled.length ? p('ui.node.payments.chargedTwice', { n: v.doubled.length }) : p('ui.node.payments.charges', { n: v.charges })),
  card: () => import('./card').then((m) => m.PaymentsCard),
};
