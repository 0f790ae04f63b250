import { p, type Phrase } from '@/engine/core/phrase';
import type { DbView } from '@/engine/models/db/view';
import type { NodeUi } from '../kind-ui';
import { CylinderIcon } from './icon';

/** The first accounts with their balance and frozen amount (`alice 70 (30 frozen)`), or null without an accounts table. */
function accounts(v: DbView): Phrase | null {
  const t = v.tables.find((x) => x.name === 'accounts');
  const bal = t?.columns.indexOf('balance') ?? -1;
  if (!t || bal < 0 || t.rows.length === 0) return null;
  const fr = t.columns.indexOf('frozen');
  const parts = t.rows
    .slice(0, 2)
    .map((r) => (fr >= 0 && r.cells[fr] ? p('ui.node.db.accountFrozen', { id: r.id, balance: r.cells[bal] ?? '–', frozen: r.cells[fr] }) : `${r.id} ${r.cells[bal] ?? '–'}`));
  return parts.length === 2 ? p('ui.node.db.twoAccounts', { a: parts[0], b: parts[1] }) : p('ui.node.db.oneAccount', { a: parts[0] });
}

/** How a database looks: a cylinder in green; from afar, in-doubt branches, lock waits, open transactions, else the first accounts and what is frozen. */
export const dbUi: NodeUi<'db'> = {
  type: 'db',
  icon: (s) => <CylinderIcon width={s} height={s} />,
  tone: 'bg-emerald-700',
  colour: '#047857',
  summary: (v) => {
    const doubt = v.txns.filter((t) => t.inDoubt).length;
    if (doubt > 0) return p('ui.node.db.inDoubt', { n: doubt });
    if (v.waits.length > 0) return p('ui.node.db.lockWaits', { n: v.waits.length });
    if (v.txns.length > 0) return p('ui.node.db.openTxns', { n: v.txns.length });
    return accounts(v) ?? p('ui.node.db.tables', { n: v.tables.length });
  },
  card: () => import('./card').then((m) => m.DbCard),
};
