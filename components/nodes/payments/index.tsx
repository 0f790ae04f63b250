import type { NodeUi } from '../kind-ui';
import { plural } from '../plural';
import { CardIcon } from './icon';

/** How a payment service looks: a payment card in amber. */
export const paymentsUi: NodeUi<'payments'> = {
  type: 'payments',
  icon: (s) => <CardIcon width={s} height={s} />,
  tone: 'bg-amber-600',
  colour: '#d97706',
  summary: (v) => (v.doubled.length ? `${plural(v.doubled.length, 'order')} charged twice` : plural(v.charges, 'charge')),
  card: () => import('./card').then((m) => m.PaymentsCard),
};
