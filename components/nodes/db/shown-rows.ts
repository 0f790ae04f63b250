import type { DbRowView } from '@/engine/models/db/view';

/** The most rows a card's table shows: a card is read at a glance, and the inspector has them all. */
export const ROWS_SHOWN = 12;

/**
 * The rows of a table worth a card's room, in table order: every row a transaction holds or
 * changes, then the newest others up to `max` (a barrier or an outbox grows by appending, and
 * its new rows are what is happening). `hidden` is how many are left out.
 */
export function shownRows(rows: readonly DbRowView[], max = ROWS_SHOWN): { rows: readonly DbRowView[]; hidden: number } {
  if (rows.length <= max) return { rows, hidden: 0 };
  const keep = new Set<number>();
  rows.forEach((r, i) => {
    if (r.lockedBy !== null || r.pending !== null) keep.add(i);
  });
  for (let i = rows.length - 1; i >= 0 && keep.size < max; i--) keep.add(i);
  const out = rows.filter((_, i) => keep.has(i));
  return { rows: out, hidden: rows.length - out.length };
}
