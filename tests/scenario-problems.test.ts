import { describe, expect, it } from 'vitest';
import { uiZh } from '@/components/i18n/ui-zh';
import { inEnglish, englishProblems } from '@/engine/i18n/english';
import { makeFormatter } from '@/engine/i18n/format';
import { engineZh } from '@/engine/i18n/zh';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { problems, problemSay } from '@/engine/scenario/problems';

const zhProblems: string[] = [];
const zh = makeFormatter('zh', { ...engineZh, ui: uiZh }, (p) => zhProblems.push(p));

/** A built-in scenario as plain data, to break. */
const base = () => structuredClone(builtin('tcc')!.scenario) as unknown as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; monitors: string[]; interventions: unknown[] };

/** The problems of a broken copy of the TCC scenario. */
function broken(edit: (s: ReturnType<typeof base>) => void): string[] {
  const s = base();
  edit(s);
  const r = parseScenario(s);
  if (r.ok) throw new Error('the scenario was expected to be refused');
  return r.errors;
}

const cases: Record<string, (s: ReturnType<typeof base>) => void> = {
  'a repeated node id': (s) => void (s.nodes[1].id = s.nodes[0].id),
  'an unknown node type': (s) => void (s.nodes[0].type = 'mainframe'),
  'a parameter out of range': (s) => void ((s.nodes[0].params as Record<string, unknown>).intervalMs = -5),
  'a parameter of the wrong type': (s) => void ((s.nodes[0].params as Record<string, unknown>).intervalMs = 'soon'),
  'a repeated edge id': (s) => void (s.edges[1].id = s.edges[0].id),
  'a link to no node': (s) => void (s.edges[0].target = 'nowhere'),
  'a link to itself': (s) => void (s.edges[0].target = s.edges[0].source),
  'a link the kinds refuse': (s) => {
    const dbs = s.nodes.filter((n) => n.type === 'db');
    s.edges.push({ id: 'db-db', source: dbs[0].id, target: dbs[1].id, params: {} });
  },
  'an unknown invariant': (s) => void s.monitors.push('always-sunny'),
  'a fault on no node': (s) => void s.interventions.push({ at: 10, kind: 'crash', node: 'ghost' }),
  'a field of the wrong shape': (s) => void ((s as unknown as Record<string, unknown>).nodes = 'many'),
  'more than five problems': (s) => {
    s.edges.forEach((e) => (e.target = 'nowhere'));
    s.monitors.push('a', 'b', 'c', 'd', 'e', 'f');
  },
};

describe('a scenario’s problems in the reader’s language', () => {
  for (const [what, edit] of Object.entries(cases)) {
    it(`tells ${what} in Chinese, and in English exactly as the boundaries print it`, () => {
      const errors = broken(edit);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        const say = problemSay(e);
        expect(typeof say).not.toBe('string');
        expect(inEnglish(say)).toBe(e);
        const text = zh.say(say);
        expect(text).not.toBe(e);
        expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }

  it('counts the problems it does not list', () => {
    expect(broken(cases['more than five problems']).at(-1)).toMatch(/^…and \d+ more problem\(s\)$/);
  });

  it('leaves a string nobody made as it is', () => {
    expect(problemSay('something else went wrong')).toBe('something else went wrong');
  });

  it('keeps a bounded number of problems', () => {
    for (let i = 0; i < 700; i++) broken((s) => void (s.nodes[0].type = `mainframe-${i}`));
    expect(problems().size).toBeLessThanOrEqual(500);
    expect(zhProblems).toEqual([]);
    expect(englishProblems).toEqual([]);
  });
});
