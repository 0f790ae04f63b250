import { describe, expect, it } from 'vitest';
import { LIBRARY } from './index';

/** Kinds that start conversations: the left column, beside each other. */
const INITIATORS = new Set(['client', 'attacker']);

describe('built-ins are laid out in columns', () => {
  it('every link runs left to right, from the node that starts it to the one it talks to (peers aside)', () => {
    const backward: string[] = [];
    for (const b of LIBRARY) {
      const node = new Map(b.scenario.nodes.map((n) => [n.id, n]));
      for (const e of b.scenario.edges ?? []) {
        const a = node.get(e.source)!;
        const z = node.get(e.target)!;
        // A primary and its replica, or a user and the attacker who stole from them, are peers in one column.
        if (a.type === z.type || (INITIATORS.has(a.type) && INITIATORS.has(z.type))) continue;
        const [ax, zx] = [a.position?.x ?? 0, z.position?.x ?? 0];
        if (ax >= zx) backward.push(`${b.id}: ${e.source} (x ${ax}) -> ${e.target} (x ${zx})`);
      }
    }
    expect(backward).toEqual([]);
  });
});
