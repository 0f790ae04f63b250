import type { DbView } from '@/engine/models/db/view';
import type { NodeUi } from '../kind-ui';
import { plural } from '../plural';
import { CylinderIcon } from './icon';

/** The first accounts with their balance and frozen amount (`alice 70 (30 frozen)`), or null without an accounts table. */
function accounts(v: DbView): string | null {
  const t = v.tables.find((x) => x.name === 'accounts');
  const bal = t?.columns.indexOf('balance') ?? -1;
  if (!t || bal < 0 || t.rows.length === 0) return null;
  const fr = t.columns.indexOf('frozen');
  return t.rows
    .slice(0, 2)
    .map((r) => `${r.id} ${r.cells[bal] ?? '–'}${fr >= 0 && r.cells[fr] ? ` (${r.cells[fr]} frozen)` : ''}`)
    .join(' · ');
}

/** How a database looks: a cylinder in green; from afar, in-doubt branches, lock waits, open transactions, else the first accounts and what is frozen. */
export const dbUi: NodeUi<'db'> = {
  type: 'db',
  icon: (s) => <CylinderIcon width={s} height={s} />,
  tone: 'bg-emerald-700',
  colour: '#047857',
  summary: (v) => {
    const doubt = v.txns.filter((t) => t.inDoubt).length;
    if (doubt > 0) return `${plural(doubt, 'branch')} in doubt`;
    if (v.waits.length > 0) return `${plural(v.waits.length, 'lock wait')}`;
    if (v.txns.length > 0) return `${plural(v.txns.length, 'open transaction')}`;
    return accounts(v) ?? `${plural(v.tables.length, 'table')}`;
  },
  card: () => import('./card').then((m) => m.DbCard),
};
