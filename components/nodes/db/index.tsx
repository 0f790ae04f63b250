import type { NodeUi } from '../kind-ui';
import { plural } from '../plural';
import { CylinderIcon } from './icon';

/** How a database looks: a cylinder in green; from afar, open transactions and in-doubt branches. */
export const dbUi: NodeUi<'db'> = {
  type: 'db',
  icon: (s) => <CylinderIcon width={s} height={s} />,
  tone: 'bg-emerald-700',
  colour: '#047857',
  summary: (v) => {
    const doubt = v.txns.filter((t) => t.inDoubt).length;
    if (doubt > 0) return `${plural(doubt, 'branch')} in doubt`;
    if (v.waits.length > 0) return `${plural(v.waits.length, 'lock wait')}`;
    return v.txns.length > 0 ? `${plural(v.txns.length, 'open transaction')}` : `${plural(v.tables.length, 'table')}`;
  },
  card: () => import('./card').then((m) => m.DbCard),
};
