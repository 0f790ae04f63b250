import { describe, expect, test } from 'vitest';
import { parseSequenceLink, sequenceLinkParams } from './sequence-link';

describe('the sequence diagram in a link', () => {
  test('reads the view and the violation', () => {
    expect(parseSequenceLink('#s=abc&t=12&view=sequence&v=2')).toEqual({ link: { view: 'sequence', violation: 2 }, problems: [] });
    expect(parseSequenceLink('?view=both')).toEqual({ link: { view: 'both', violation: null }, problems: [] });
    expect(parseSequenceLink('#s=abc')).toEqual({ link: { view: null, violation: null }, problems: [] });
  });

  test('names a bad value and ignores it', () => {
    const r = parseSequenceLink('#view=diagram&v=-1');
    expect(r.link).toEqual({ view: null, violation: null });
    expect(r.problems).toEqual(['view: expected canvas, sequence, both, got "diagram"', 'v: expected the number of a violation (1 for the first), got "-1"']);
    expect(parseSequenceLink('#v=0').problems).toHaveLength(1);
    expect(parseSequenceLink('#v=1e3').problems).toHaveLength(1);
  });

  test('writes the open diagram and the chosen violation, counted from 1', () => {
    const timeline = { violations: [{ i: 40 }, { i: 77 }] } as never;
    expect(sequenceLinkParams({ sequenceOpen: false, chainOf: 77 }, { timeline })).toBe('');
    expect(sequenceLinkParams({ sequenceOpen: true, chainOf: null }, { timeline })).toBe('&view=sequence');
    expect(sequenceLinkParams({ sequenceOpen: true, chainOf: 77 }, { timeline })).toBe('&view=sequence&v=2');
    const back = parseSequenceLink(`#s=x${sequenceLinkParams({ sequenceOpen: true, chainOf: 77 }, { timeline })}`);
    expect(back.link).toEqual({ view: 'sequence', violation: 2 });
  });
});
