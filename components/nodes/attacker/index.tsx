import type { NodeUi } from '../kind-ui';
import { AttackerIcon } from './icon';

/** How an attacker looks: a hooded figure in rose. */
export const attackerUi: NodeUi<'attacker'> = {
  type: 'attacker',
  icon: (s) => <AttackerIcon width={s} height={s} />,
  tone: 'bg-rose-700',
  colour: '#be123c',
  card: () => import('./card').then((m) => m.AttackerCard),
};
