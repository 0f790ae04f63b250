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
const VERBATIM = /^(\(error\)|-?ERR\b|WRONGTYPE|NOSCRIPT|READONLY|BUSY|ERROR \d|KeeperErrorCode|OK\b)/;
/** English prose: four words in a row, the last three lower case. */
const PROSE = /[A-Za-z][a-z’']* [a-z]{2,} [a-z]{2,} [a-z]{2,}/;
/**
 * A short English fragment ("no node", "token expired"): two lower-case words in a row. A word
 * joined to more by `-` or `/` is an id (`order-3`), not prose.
 */
const FRAGMENT = /\b[a-z]{2,} [a-z]{2,}(?![\w/-])/;
/** A database row as one line (`alice: balance 70, frozen 0`): column names and values are data. */
const ROW = /^[\w./-]+: [a-z_]+ \S+(, [a-z_]+ \S+)*$/;
/** A command as sent (`SET greeting hello PX 2500`, `SENTINEL get-master-addr-by-name`): its words are its arguments. */
const COMMAND = /^[A-Z][A-Z_]+ /;
/** Whether verbatim text `v` reads as English prose, short or long, rather than a name, a command or data. */
const isProse = (v: string, names: ReadonlySet<string>) => !names.has(v) && !VERBATIM.test(v) && !v.startsWith('"') && !ROW.test(v) && !COMMAND.test(v) && (PROSE.test(v) || FRAGMENT.test(v));

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
    // A node's label is the scenario's own name for it, whatever the words.
    const names = new Set(Object.values(labels));
    for (let i = 0; i < sim.trace.length; i++) {
      const ev = sim.trace.get(i);
      const said = narrate(sim, ev, labels);
      zh.say(said);
      en.say(said);
      const kind = ev.type === 'invariant.violation' ? `monitor:${ev.monitor}` : (kindOf.get(ev.node) ?? 'core');
      for (const v of verbatim(said)) {
        if (!isProse(v, names)) continue;
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
