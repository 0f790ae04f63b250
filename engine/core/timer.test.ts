import { describe, expect, it } from 'vitest';
import { timerOwner, type NoFields } from './timer';

describe('timerOwner', () => {
  const a = timerOwner<{ tick: NoFields; timeout: { id: number } }>('a');
  const b = timerOwner<{ tick: NoFields }>('b');

  it('names the owner and the timer first, then the fields (as the trace shows them)', () => {
    expect(JSON.stringify(a.make('timeout', { id: 7 }))).toBe('{"owner":"a","timer":"timeout","id":7}');
    expect(a.make('tick')).toEqual({ owner: 'a', timer: 'tick' });
  });

  it("recognises its own payloads and nobody else's", () => {
    expect(a.match(a.make('timeout', { id: 7 }))).toEqual({ owner: 'a', timer: 'timeout', id: 7 });
    expect(a.match(b.make('tick'))).toBeNull();
    for (const other of [null, undefined, 'tick', 3, { timer: 'tick' }]) expect(a.match(other)).toBeNull();
  });
});
