import { describe, expect, it } from 'vitest';
import { PROGRAM_KINDS } from '@/engine/patterns/catalog';
import { PROGRAM_PARAMS } from '@/engine/patterns/params-catalog';
import type { Scenario } from '@/engine/scenario/schema';
import { fillProgram } from './program-switch';

/** A client `c` linked to one node of every type some program talks to (ids: the type with a 1). */
function everything(): Scenario {
  const types = [...new Set(Object.values(PROGRAM_KINDS).flatMap((p) => p.needs))];
  return {
    nodes: [{ id: 'c', type: 'client' }, ...types.map((t) => ({ id: `${t}1`, type: t }))],
    edges: types.map((t) => ({ id: `c-${t}`, source: 'c', target: `${t}1` })),
  } as unknown as Scenario;
}

describe('switching a client to another program', () => {
  it('gives every program a target of the right kind and whatever else it must have, so it is valid at once', () => {
    const s = everything();
    for (const [kind, m] of Object.entries(PROGRAM_KINDS)) {
      const filled = fillProgram(s, 'c', kind, 'target' in PROGRAM_PARAMS[kind].shape ? { kind, target: 'nowhere' } : { kind });
      const r = PROGRAM_PARAMS[kind].safeParse(filled);
      expect(r.success, `${kind}: ${r.success ? '' : r.error.message}`).toBe(true);
      if ('target' in PROGRAM_PARAMS[kind].shape) expect(filled.target).toBe(`${m.needs[0]}1`);
    }
  });

  it('keeps a target that already is a linked node of the right kind, and fills only empty scripts', () => {
    const s = everything();
    s.nodes.push({ id: 'r2', type: 'redis' } as Scenario['nodes'][number]);
    s.edges.push({ id: 'c-r2', source: 'r2', target: 'c' } as Scenario['edges'][number]);
    expect(fillProgram(s, 'c', 'redis-script', { kind: 'redis-script', target: 'r2', commands: [['PING']] })).toEqual({ kind: 'redis-script', target: 'r2', commands: [['PING']] });
    const fresh = fillProgram(s, 'c', 'redis-script', { kind: 'redis-script', target: 'zookeeper1', commands: [] });
    expect(fresh.target).toBe('redis1');
    expect(fresh.commands).toEqual(PROGRAM_KINDS['redis-script'].example!.commands);
  });

  it('leaves the target alone when nothing of the right kind is linked (the canvas warns about the missing link)', () => {
    const s = { nodes: [{ id: 'c', type: 'client' }], edges: [] } as unknown as Scenario;
    expect(fillProgram(s, 'c', 'zk-lock', { kind: 'zk-lock', target: 'redis' }).target).toBe('redis');
  });
});
