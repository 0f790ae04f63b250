import { describe, expect, it } from 'vitest';
import { labelFiller } from '@/components/canvas/to-flow';
import { formatterOver } from '@/engine/i18n/formatter';

// Plain arguments put in as they are; `pick` chooses its text by its argument (like an ICU select).
const MESSAGES: Record<string, (v: Record<string, string | number>) => string> = {
  plain: (v) => `link ${v.from} to ${v.to}, ${v.latency}`,
  twice: (v) => `${v.a} and ${v.a} again, then ${v.b}`,
  pick: (v) => (v.type === 'redis' ? `${v.label} (a Redis server)` : `${v.label} (something else)`),
};

function formatter() {
  let calls = 0;
  const fmt = formatterOver('en', (id, values) => (calls++, MESSAGES[id](values ?? {})));
  return { fmt, calls: () => calls };
}

describe('label filler', () => {
  it('fills plain arguments in like the formatter, formatting the message once', () => {
    const { fmt, calls } = formatter();
    const fill = labelFiller(fmt, 'plain', ['from', 'to', 'latency']);
    const before = calls();
    for (const [from, to, latency] of [['a', 'b', '5 ms'], ['p0c1', 'p0', '150–250 ms'], ['x{y}', '', '$&']]) {
      expect(fill({ from, to, latency })).toBe(MESSAGES.plain({ from, to, latency }));
    }
    expect(calls()).toBe(before);
  });

  it('fills an argument used twice in both places', () => {
    const fill = labelFiller(formatter().fmt, 'twice', ['a', 'b']);
    expect(fill({ a: '1', b: '2' })).toBe('1 and 1 again, then 2');
  });

  it('formats each label in full when an argument chooses the text', () => {
    const { fmt } = formatter();
    const fill = labelFiller(fmt, 'pick', ['label', 'type']);
    expect(fill({ label: 'r1', type: 'redis' })).toBe('r1 (a Redis server)');
    expect(fill({ label: 'c1', type: 'client' })).toBe('c1 (something else)');
  });
});
