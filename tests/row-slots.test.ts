import { describe, expect, it } from 'vitest';
import { RowSlots } from '@/components/panels/row-slots';

describe('RowSlots', () => {
  it('keeps the key of an item that stays and hands freed keys to new items in row order', () => {
    const r = new RowSlots();
    expect(r.assign(['e3', 'e2', 'e1'])).toEqual([0, 1, 2]);
    // A step: e4 arrives at the top, e1 falls off the bottom; e4 takes e1's row.
    expect(r.assign(['e4', 'e3', 'e2'])).toEqual([2, 0, 1]);
    // A seek replacing every item keeps the elements in the order they are in the page.
    expect(r.assign(['e9', 'e8', 'e7'])).toEqual([2, 0, 1]);
  });

  it('makes new keys when the list grows and never gives one key to two rows', () => {
    const r = new RowSlots();
    r.assign(['a', 'b']);
    const keys = r.assign(['c', 'a', 'd', 'e', 'a']);
    expect(keys.slice(0, 2)).toEqual([1, 0]);
    expect(new Set(keys).size).toBe(5);
  });
});
