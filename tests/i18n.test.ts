import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { uiEn } from '@/components/i18n/ui-en';
import { engineEn } from '@/engine/i18n/en';
import { libraryEn } from '@/engine/i18n/library-en';
import { engineZh } from '@/engine/i18n/zh';
import type { Messages } from '@/engine/i18n/format';
import { uiZh } from '@/components/i18n/ui-zh';

/** Every English message, the built-ins' text included (what the translations are checked against). */
const enMessages = { ...engineEn, library: libraryEn, ui: uiEn };

const zhMessages: Messages = { ...engineZh, ui: uiZh };

/** Every message of a catalog by id. */
function flatten(m: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m)) {
    const id = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(id, v);
    else for (const [a, b] of flatten(v, id)) out.set(a, b);
  }
  return out;
}

/** A message's arguments with how each is used (`n:plural`, `dir:select`, `node:`), sorted. */
function argumentsOf(message: string): string[] {
  const seen = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) seen.add(`${el.value}:`);
      else if (el.type === TYPE.number) seen.add(`${el.value}:number`);
      else if (el.type === TYPE.plural) {
        seen.add(`${el.value}:plural`);
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.select) {
        seen.add(`${el.value}:select`);
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  // `#` in a plural and a plain use of the same argument both count as using it.
  return [...seen].sort();
}

const en = flatten(enMessages);
const zh = flatten(zhMessages);


describe('message catalogs', () => {
  it('have the same ids in English and Chinese', () => {
    expect([...en.keys()].filter((id) => !zh.has(id))).toEqual([]);
    expect([...zh.keys()].filter((id) => !en.has(id))).toEqual([]);
  });


  it('give each message the same arguments in both languages, and every message parses', () => {
    const differ: string[] = [];
    for (const [id, text] of en) {
      const other = zh.get(id);
      if (other === undefined) continue;
      const a = argumentsOf(text).map((x) => x.replace(/:plural$/, ':'));
      const b = argumentsOf(other).map((x) => x.replace(/:plural$/, ':'));
      if (JSON.stringify([...new Set(a)].sort()) !== JSON.stringify([...new Set(b)].sort())) differ.push(`${id}: en ${a.join(' ')} / zh ${b.join(' ')}`);
    }
    expect(differ).toEqual([]);
  });

  it('have no Chinese message left in English', () => {
    const same = [...zh].filter(([id, text]) => /[a-z]{3,} [a-z]{3,} [a-z]{3,}/.test(text.replace(/\{[^{}]*\}/g, '')) && en.get(id) === text);
    expect(same.map(([id]) => id)).toEqual([]);
  });
});

const ROOTS = ['engine', 'stores', 'components', 'app'];
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}
const FILES = ROOTS.flatMap(sources);

describe('message ids in the code', () => {
  it('name messages that exist', () => {
    const missing: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:p|t)\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) if (!en.has(m[1])) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('come from catalogs that are all registered', () => {
    const registered = new Set<string>();
    for (const registry of ['engine/i18n/en.ts', 'components/i18n/ui-en.ts']) {
      for (const m of readFileSync(registry, 'utf8').matchAll(/from '(\.[^']+)'/g)) registered.add(join(dirname(registry), m[1]) + '.ts');
    }
    const catalogs = FILES.filter((f) => f.endsWith('/messages.en.ts'));
    expect(catalogs.length).toBeGreaterThan(40);
    expect(catalogs.filter((f) => !registered.has(f))).toEqual([]);
  });
});
