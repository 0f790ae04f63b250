import { describe, expect, it } from 'vitest';
import { uiEn } from '@/components/i18n/ui-en';
import { engineEn } from '@/engine/i18n/en';
import { libraryEn } from '@/engine/i18n/library-en';
import { uiZh } from '@/components/i18n/ui-zh';
import { narrate } from '@/engine/core/narrate';
import { isPhrase, type Arg, type Say } from '@/engine/core/phrase';
import { makeFormatter } from '@/engine/i18n/format';
import { engineZh } from '@/engine/i18n/zh';
import { buildSimulation } from '@/engine/scenario/build';
import { LIBRARY } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';

/** Every English message, the built-ins' text included (what the translations are checked against). */
const enMessages = { ...engineEn, library: libraryEn, ui: uiEn };

/**
 * Kinds (node types, `program:` kinds) whose narration is not yet in the catalogs (#18). Each is
 * removed when its module's text moves into messages; the issue stays open until this is empty.
 */
const PENDING = new Set<string>([
]);

/** Real systems' own replies and errors, shown verbatim in every language. */
const VERBATIM = /^(\(error\)|-?ERR\b|WRONGTYPE|NOSCRIPT|READONLY|BUSY|ERROR \d|KeeperErrorCode|\d{3} )/;
/** English prose: four words in a row, the last three lower case. */
const PROSE = /[A-Za-z][a-z’']* [a-z]{2,} [a-z]{2,} [a-z]{2,}/;

/** The verbatim strings a phrase shows (its own text if it is one, and its arguments'). */
function verbatim(x: Say | Arg, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (typeof x === 'number') return out;
  else if (isPhrase(x)) for (const a of Object.values(x.args ?? {})) verbatim(a, out);
  else for (const a of x as readonly Arg[]) verbatim(a, out);
  return out;
}

describe('narration in Chinese', () => {
  const problems: string[] = [];
  const zh = makeFormatter('zh', { ...engineZh, ui: uiZh }, (p) => problems.push(p));
  const en = makeFormatter('en', enMessages, (p) => problems.push(p));
  const leaks = new Map<string, Set<string>>();

  for (const b of LIBRARY) {
    const parsed = parseScenario(b.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const s = parsed.scenario;
    const kindOf = new Map(s.nodes.map((n) => [n.id, n.type === 'client' ? `program:${(n.params as { program?: { kind?: string } }).program?.kind}` : n.type]));
    const sim = buildSimulation(s, { snapshotEvery: 0 });
    sim.runUntil(s.playback.untilMs);
    const labels = Object.fromEntries(s.nodes.map((n) => [n.id, n.label ?? n.id]));
    for (let i = 0; i < sim.trace.length; i++) {
      const ev = sim.trace.get(i);
      const said = narrate(sim, ev, labels);
      zh.say(said);
      en.say(said);
      const kind = ev.type === 'invariant.violation' ? `monitor:${ev.monitor}` : (kindOf.get(ev.node) ?? 'core');
      for (const v of verbatim(said)) {
        if (!PROSE.test(v) || VERBATIM.test(v)) continue;
        const set = leaks.get(kind) ?? new Set<string>();
        if (set.size < 3) set.add(`${ev.type}: ${v}`);
        leaks.set(kind, set);
      }
    }
  }

  it('renders every event of every built-in in both languages without a missing message', () => {
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });

  it('leaves no English prose in verbatim text, except in kinds still pending', () => {
    const unexpected = [...leaks].filter(([k]) => !PENDING.has(k)).map(([k, v]) => `${k}: ${[...v].join(' | ')}`);
    expect(unexpected).toEqual([]);
  });

  it('lists as pending only kinds that still leak', () => {
    expect([...PENDING].filter((k) => !leaks.has(k))).toEqual([]);
  });
});
