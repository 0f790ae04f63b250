import { describe, expect, it } from 'vitest';
import { lifelineIds, lifelineOrder, moveLifeline, toggleLifeline } from './lifelines';

const ids = ['c1', 'c2', 'redis', 'storage'];
const none = { order: [], hidden: [] };

describe('lifelines', () => {
  it('follow the run until asked otherwise', () => {
    expect(lifelineOrder(ids, none)).toEqual([0, 1, 2, 3]);
  });

  it('move a row and keep the others in their order', () => {
    const l = moveLifeline(ids, none, 'storage', 0);
    expect(lifelineIds(ids, l)).toEqual(['storage', 'c1', 'c2', 'redis']);
    expect(lifelineOrder(ids, moveLifeline(ids, l, 'c1', 3))).toEqual([3, 1, 2, 0]);
  });

  it('hide a row and bring it back where it was', () => {
    const moved = moveLifeline(ids, none, 'redis', 0);
    const hidden = toggleLifeline(moved, 'c2');
    expect(lifelineOrder(ids, hidden)).toEqual([2, 0, 3]);
    expect(lifelineOrder(ids, toggleLifeline(hidden, 'c2'))).toEqual([2, 0, 1, 3]);
  });

  it('forget nodes the run no longer has and place new ones last', () => {
    const l = { order: ['gone', 'redis', 'c1'], hidden: ['gone'] };
    expect(lifelineIds([...ids, 'app'], l)).toEqual(['redis', 'c1', 'c2', 'storage', 'app']);
  });
});
