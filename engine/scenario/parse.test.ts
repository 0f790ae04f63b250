import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from './library';
import { parseScenario, parseScenarioJson } from './parse';

const base = () => structuredClone(LIBRARY[0].scenario) as Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

const errorsOf = (input: unknown) => {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected a parse error');
  return r.errors;
};

describe('parseScenario', () => {
  it('accepts every built-in scenario and fills defaults', () => {
    for (const b of LIBRARY) {
      const r = parseScenario(b.scenario);
      expect(r.ok, b.id).toBe(true);
    }
    const r = parseScenario(base());
    if (!r.ok) throw new Error();
    expect(r.scenario.interventions).toEqual([]);
    expect(r.scenario.nodes[1].params).toEqual({ hz: 10 });
  });

  it("marks a fault a visitor added with by: 'user' and keeps set-aside ones in dropped; both optional", () => {
    const s = { ...base(), interventions: [{ at: 5, kind: 'crash', node: 'redis', by: 'user' }], dropped: [{ at: 9, kind: 'restart', node: 'redis' }] };
    const r = parseScenario(s);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.scenario.interventions[0].by).toBe('user');
    expect(r.scenario.dropped).toEqual([{ at: 9, kind: 'restart', node: 'redis' }]);
    expect(errorsOf({ ...base(), interventions: [{ at: 5, kind: 'crash', node: 'redis', by: 'me' }] })[0]).toMatch(/^interventions\[0\]\.by: expected by: 'user'/);
  });

  it('names the JSON path and the problem', () => {
    const s = base();
    s.nodes[1].params = { hz: -3 };
    expect(errorsOf(s)).toEqual(['nodes[1].params.hz: expected an integer from 1 to 500']);
    const t = base();
    (t.edges[0].params as Record<string, unknown>).loss = 2;
    expect(errorsOf(t)).toEqual(['edges[0].params.loss: expected a probability from 0 to 1']);
    const u = base();
    u.seed = 'x';
    expect(errorsOf(u)).toEqual(['seed: expected a number, got a string']);
    const v = base();
    v.interventions = [{ at: -5, kind: 'crash', node: 'c1' }];
    expect(errorsOf(v)).toEqual(['interventions[0].at: expected a number >= 0']);
  });

  it('checks references and link rules', () => {
    const s = base();
    s.edges.push({ id: 'x', source: 'c1', target: 'ghost' });
    s.interventions = [{ at: 5, kind: 'partition', edge: 'nope' }];
    expect(errorsOf(s)).toEqual(['edges[1].target: no node "ghost"', 'interventions[0].edge: no edge "nope"']);
    const t = base();
    t.nodes.push({ id: 'c1', type: 'redis', params: {} });
    expect(errorsOf(t)[0]).toBe('nodes[2].id: "c1" is used by nodes[0] too');
    const u = base();
    u.nodes.push({ id: 'c2', type: 'client', params: { program: { kind: 'redis-script', target: 'redis', commands: [['PING']] } } });
    u.edges.push({ id: 'cc', source: 'c1', target: 'c2' });
    expect(errorsOf(u)).toEqual(['edges[1]: a client cannot be linked to a client']);
  });

  it('rejects wrong versions, unknown types and reserved ids with a message', () => {
    expect(errorsOf({ ...base(), version: 99 })[0]).toMatch(/^version: 99 is newer/);
    expect(errorsOf({ ...base(), version: '1' })[0]).toMatch(/^version: expected an integer/);
    const s = base();
    s.nodes[0].type = 'mainframe';
    expect(errorsOf(s)[0]).toMatch(/^nodes\[0\]\.type: unknown node type "mainframe"/);
    const proto = base();
    proto.nodes[0].type = 'constructor';
    expect(errorsOf(proto)[0]).toMatch(/^nodes\[0\]\.type: unknown node type "constructor"/);
    const mon = { ...base(), monitors: ['toString'] };
    expect(errorsOf(mon)[0]).toMatch(/^monitors\[0\]: unknown invariant "toString"/);
    const t = base();
    t.nodes[0].id = '__proto__';
    expect(errorsOf(t)[0]).toBe('nodes[0].id: this id is reserved');
    expect(errorsOf([])).toEqual(['(root): expected a scenario object']);
    expect(parseScenarioJson('{"version":1,').ok).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(v);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = { ...base(), nodes: [{ ...base().nodes[0], params: v }] };
        expect(() => parseScenario(s)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
