import { describe, expect, it } from 'vitest';
import type { DbRowView } from '@/engine/models/db/view';
import { shownRows } from './shown-rows';

const row = (id: string, over: Partial<DbRowView> = {}): DbRowView => ({ id, cells: [1], pending: null, lockedBy: null, ...over });
const ids = (rows: readonly DbRowView[]) => rows.map((r) => r.id);

describe('the rows a database card shows', () => {
  it('shows a small table whole', () => {
    const rows = [row('a'), row('b')];
    expect(shownRows(rows, 3)).toEqual({ rows, hidden: 0 });
  });

  it('shows the newest rows of a long table, in table order, and counts the rest', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(`r${i}`));
    const r = shownRows(rows, 3);
    expect(ids(r.rows)).toEqual(['r7', 'r8', 'r9']);
    expect(r.hidden).toBe(7);
  });

  it('never hides a row a transaction holds or changes, even past the limit', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(`r${i}`, i === 1 ? { lockedBy: 4 } : i === 2 ? { pending: 'deleted' } : i === 3 ? { pending: [2] } : {}));
    expect(ids(shownRows(rows, 4).rows)).toEqual(['r1', 'r2', 'r3', 'r9']);
    expect(ids(shownRows(rows, 2).rows)).toEqual(['r1', 'r2', 'r3']);
  });
});
