import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceType } from '../core/trace-types';
import { defineGuide, findStops } from './guide';

const ev = (i: number, step: number, type: string, node: string, fields: object = {}) => ({ i, step, t: step * 10, type, node, ...fields }) as unknown as TraceEvent;
const reader = (events: TraceEvent[]) => ({ length: events.length, typeAt: (i: number) => events[i].type as TraceType, get: (i: number) => events[i] });

describe('findStops', () => {
  const trace = reader([
    ev(0, 0, 'lock.acquire', 'c1'),
    ev(1, 1, 'redis.expire', 'redis', { keys: ['a', 'lock'] }),
    ev(2, 2, 'lock.acquire', 'c2'),
    ev(3, 2, 'storage.enter', 'storage', { client: 'c2' }),
    ev(4, 3, 'lock.acquire', 'c1'),
  ]);

  it('finds each stop after the one before, matching node, fields and array members', () => {
    const g = defineGuide(
      [
        { id: 'expired', on: { type: 'redis.expire', fields: { keys: 'lock' } } },
        { id: 'again', on: { type: 'lock.acquire', node: 'c1' } },
      ],
      { en: { expired: 'x', again: 'y' } },
    );
    expect(findStops(g, trace).map((s) => [s.id, s.i, s.node])).toEqual([
      ['expired', 1, 'redis'],
      ['again', 4, 'c1'],
    ]);
  });

  it('skips a stop the run never reaches, keeps one stop per step, and highlights `focus`', () => {
    const g = defineGuide(
      [
        { id: 'never', on: { type: 'fault.crash' } },
        { id: 'second', on: { type: 'lock.acquire', node: 'c2' } },
        { id: 'same', on: { type: 'storage.enter', fields: { client: 'c2' } } },
        { id: 'last', on: { type: 'lock.acquire' }, focus: 'storage' },
      ],
      { en: { never: '', second: '', same: '', last: '' } },
    );
    expect(findStops(g, trace).map((s) => [s.id, s.step, s.node])).toEqual([
      ['second', 2, 'c2'],
      ['last', 3, 'storage'],
    ]);
  });
});
