import { describe, expect, it } from 'vitest';
import { compareAllowed, compareTook } from './compare';
import { parseScript } from './script';

describe('redis conformance script format', () => {
  it('reads expectations after an unquoted =>', () => {
    const steps = parseScript(
      ['HKEYS h => unordered', 'HGETALL h => unordered pairs', 'DBSIZE => one of 3 5..7 nil "x y"', '@w BLPOP q 0.3 => took ±110', 'SET k "=>"'].join('\n'),
      't.redis',
    );
    expect(steps.map((s) => s.expect)).toEqual([
      { kind: 'unordered' },
      { kind: 'pairs' },
      { kind: 'one-of', alts: [{ int: 3n }, { from: 5n, to: 7n }, { nil: true }, { str: 'x y' }] },
      { kind: 'took', tolMs: 110 },
      undefined,
    ]);
    expect(steps[4]).toMatchObject({ kind: 'cmd', argv: ['SET', 'k', '=>'] });
  });

  it('pairs send with reply on a connection, and refuses anything in between', () => {
    expect(parseScript('@w send BLPOP q 5\nLPUSH q x\n@w reply => took ±50', 't').map((s) => s.kind)).toEqual(['cmd', 'cmd', 'reply']);
    expect(() => parseScript('@w send BLPOP q 5\n@w GET k', 't')).toThrow(/waiting for the reply/);
    expect(() => parseScript('@w reply', 't')).toThrow(/sent nothing/);
    expect(() => parseScript('@w send BLPOP q 5', 't')).toThrow(/never took the reply/);
    expect(() => parseScript('GET k => sorted', 't')).toThrow(/expected "=> unordered"/);
  });
});

describe('redis conformance comparisons under a stated allowance', () => {
  it('compares elements or pairs in any order, and each side against an allowed set', () => {
    expect(compareAllowed({ kind: 'unordered' }, ['a', 'b'], ['b', 'a'])).toBeNull();
    expect(compareAllowed({ kind: 'unordered' }, ['a', 'b'], ['b', 'b'])).not.toBeNull();
    expect(compareAllowed({ kind: 'pairs' }, ['f', '1', 'g', '2'], ['g', '2', 'f', '1'])).toBeNull();
    expect(compareAllowed({ kind: 'pairs' }, ['f', '1', 'g', '2'], ['f', '2', 'g', '1'])).not.toBeNull();
    const oneOf = { kind: 'one-of' as const, alts: [{ from: 42n, to: 60n }] };
    expect(compareAllowed(oneOf, 42, 47)).toBeNull();
    expect(compareAllowed(oneOf, 42, 61)).toBe('real not one of 42..60');
  });

  it('holds durations to the tolerance', () => {
    expect(compareTook(110, 265, 348)).toBeNull();
    expect(compareTook(30, 170, 260)).toMatch(/took 260.0 ms on the server, 170.0 ms on the model/);
  });
});
