import type { NodeUi } from '../kind-ui';
import { attackerLook } from './look';
import { AttackerIcon } from './icon';

/** How an attacker looks: a hooded figure in rose. */
export const attackerUi: NodeUi<'attacker'> = {
  type: 'attacker',
  icon: (s) => <AttackerIcon width={s} height={s} />,
  tone: 'bg-rose-700',
  colour: '#be123c',
  summary: (v) => attackerLook.word[v.status],
  card: () => import('./card').then((m) => m.AttackerCard),
};
