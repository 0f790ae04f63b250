import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '@/components/i18n/compile-catalog';
import { compiledFirstSource } from '@/components/i18n/first-compiled-source';
import { uiEn } from '@/components/i18n/ui-en';
import { uiZh } from '@/components/i18n/ui-zh';
import { makeCompiledFormatter, type CompiledMessages } from '@/engine/i18n/compiled-format';
import { engineEn } from '@/engine/i18n/en';
import { makeFormatter, type Messages } from '@/engine/i18n/format';
import type { Lang } from '@/engine/i18n/langs';
import { libraryEn } from '@/engine/i18n/library-en';
import { engineZh } from '@/engine/i18n/zh';

// The page's first paint formats its English from a catalog icu-minify compiled ahead of time
// (first-en.compiled.ts); use-intl takes over once the rest of the catalog arrives. These check
// the compiled file is current and that both render every message of every catalog alike.

const CATALOGS: [Lang, Messages][] = [
  ['en', { ...engineEn, library: libraryEn, ui: uiEn }],
  ['zh', { ...engineZh, ui: uiZh }],
];

const SELECT = 1;
const PLURAL = 2;

function* leaves(m: Messages, path: string): Generator<string> {
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'string') yield `${path}${k}`;
    else yield* leaves(v, `${path}${k}.`);
  }
}

function compiledAt(c: CompiledMessages, id: string): unknown {
  return id.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], c);
}

/**
 * Every argument of a compiled message, with values that reach each of its branches. An
 * argument a plural counts is given numbers only, as the app always does.
 */
function argValues(node: unknown, into: Map<string, Set<string | number>>, counted = new Set<string>()): Map<string, Set<string | number>> {
  const add = (arg: string, ...vs: (string | number)[]) => {
    const set = into.get(arg) ?? new Set();
    for (const v of vs) set.add(v);
    into.set(arg, set);
  };
  if (!Array.isArray(node)) return into;
  if (typeof node[0] === 'string' && node.length === 1 && !Array.isArray(node[0])) {
    add(node[0], 'Ab', 12345.5, 0);
    return into;
  }
  if (typeof node[0] === 'string' && (node[1] === SELECT || node[1] === PLURAL) && typeof node[2] === 'object' && !Array.isArray(node[2])) {
    const options = node[2] as Record<string, unknown>;
    if (node[1] === SELECT) add(node[0], ...Object.keys(options), 'zz-none');
    else {
      counted.add(node[0]);
      add(node[0], 0, 1, 2, 5, 21, 1234.5, ...Object.keys(options).filter((k) => k.startsWith('=')).map((k) => Number(k.slice(1))));
    }
    for (const sub of Object.values(options)) argValues(sub, into, counted);
    return into;
  }
  for (const part of node) argValues(part, into, counted);
  for (const arg of counted) into.set(arg, new Set([...into.get(arg)!].filter((v) => typeof v === 'number')));
  return into;
}

describe('the first paint’s compiled English', () => {
  it('is current: first-en.compiled.ts is what `npm run i18n:compile` writes now', () => {
    const file = readFileSync(join(import.meta.dirname, '..', 'components', 'i18n', 'first-en.compiled.ts'), 'utf8');
    expect(file === compiledFirstSource(), 'components/i18n/first-en.compiled.ts is stale: run `npm run i18n:compile`').toBe(true);
  });

  it.each(CATALOGS)('renders every %s message as use-intl does, in each of its branches', (lang, messages) => {
    const problems: string[] = [];
    const compiled = compileCatalog(messages);
    const full = makeFormatter(lang, messages, (p) => problems.push(p));
    const quick = makeCompiledFormatter(lang, compiled, (p) => problems.push(p));
    let checked = 0;
    for (const id of leaves(messages, '')) {
      const values = argValues(compiledAt(compiled, id), new Map());
      const base = Object.fromEntries([...values].map(([k, vs]) => [k, [...vs][0]]));
      expect(quick.t(id, base), id).toBe(full.t(id, base));
      for (const [k, vs] of values) {
        for (const v of vs) expect(quick.t(id, { ...base, [k]: v }), `${id} ${k}=${v}`).toBe(full.t(id, { ...base, [k]: v }));
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('reads quoting as ICU does: a doubled quote, quoted braces, a quoted #', () => {
    const m = { a: "it''s '{x}' and {x}'s", b: "{n, plural, one {'#' is #} other {# items}}" };
    const quick = makeCompiledFormatter('en', compileCatalog(m));
    const full = makeFormatter('en', m);
    for (const [id, args] of [
      ['a', { x: 'X' }],
      ['b', { n: 1 }],
      ['b', { n: 3000 }],
    ] as const) {
      expect(quick.t(id, args)).toBe(full.t(id, args));
    }
    expect(quick.t('a', { x: 'X' })).toBe("it's {x} and X's");
  });

  it('shows a missing message as its id and reports it, or as what `missing` says', () => {
    const problems: string[] = [];
    expect(makeCompiledFormatter('en', compileCatalog({ a: 'x' }), (p) => problems.push(p)).t('b.c')).toBe('b.c');
    expect(makeCompiledFormatter('en', compileCatalog({ a: { b: 'x' } }), (p) => problems.push(p)).t('a')).toBe('a');
    expect(problems).toHaveLength(2);
    expect(makeCompiledFormatter('en', compileCatalog({ a: 'x' }), undefined, () => '').t('b')).toBe('');
  });
});
