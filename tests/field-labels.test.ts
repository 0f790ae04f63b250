import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, type FieldTable } from '@/components/panels/inspector/field-labels';
import type { JsonSchema } from '@/components/panels/inspector/json-schema';
import { nodeUi } from '@/components/nodes/catalog';
import { PROGRAM_FIELDS } from '@/components/nodes/programs';
import { makeFormatter } from '@/engine/i18n/format';
import { engineZh } from '@/engine/i18n/zh';
import { uiEn } from '@/components/i18n/ui-en';
import { engineEn } from '@/engine/i18n/en';
import { uiZh } from '@/components/i18n/ui-zh';
import { NODE_KINDS } from '@/engine/models/catalog';
import { PROGRAM_KINDS } from '@/engine/patterns/catalog';
import { NODE_PARAMS } from '@/engine/models/params-catalog';
import { PROGRAM_PARAMS } from '@/engine/patterns/params-catalog';
import { linkParamsSchema } from '@/engine/scenario/schema';
import { paramTerm } from '@/engine/scenario/vocabulary';

const chinese = makeFormatter('zh', { ...engineZh, ui: uiZh });
const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** What fieldLabel falls back to for a name nobody labelled: its camelCase in English words. */
const spelled = (name: string) => {
  const words = name.replace(/Ms$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Every field name a form of `schema` shows (nested objects, lists' items, a union's variants). */
function names(j: JsonSchema | undefined, out = new Set<string>()): Set<string> {
  if (!j || typeof j !== 'object') return out;
  const o = j as Record<string, unknown>;
  for (const [k, v] of Object.entries((o.properties ?? {}) as Record<string, JsonSchema>)) {
    out.add(k);
    names(v, out);
  }
  for (const x of [...((o.anyOf ?? []) as JsonSchema[]), ...((o.oneOf ?? []) as JsonSchema[])]) names(x, out);
  names(o.items as JsonSchema | undefined, out);
  return out;
}

const forms: [string, JsonSchema, FieldTable][] = [
  ...Object.keys(NODE_KINDS).map((type): [string, JsonSchema, FieldTable] => [type, json(NODE_PARAMS[type]), nodeUi(type).fields ?? {}]),
  ...Object.keys(PROGRAM_KINDS).map((kind): [string, JsonSchema, FieldTable] => [`program ${kind}`, json(PROGRAM_PARAMS[kind]), { ...nodeUi('client').fields, ...(PROGRAM_FIELDS as Record<string, FieldTable>)[kind] }]),
  ['link', json(linkParamsSchema), {}],
];

describe('the inspector', () => {
  it.each(forms)('labels every field of a %s in Chinese, never with its name spelled out in English', (_what, schema, table) => {
    // A term the vocabulary names as it is in every language (`appendfsync`) is labelled all the same.
    const spelledOut = [...names(schema)].filter((n) => !paramTerm(n) && fieldLabel(n, table, chinese) === spelled(n));
    expect(spelledOut).toEqual([]);
  });
});

describe('a node card', () => {
  const english = makeFormatter('en', { ...engineEn, ui: uiEn });
  it.each(Object.keys(NODE_KINDS))('tags a %s with its type id in English and a word of its own in Chinese', (type) => {
    expect(english.t('ui.nodes.kindTag', { key: type.replace(/-/g, '_'), kind: type })).toBe(type);
    expect(chinese.t('ui.nodes.kindTag', { key: type.replace(/-/g, '_'), kind: type })).not.toBe(type);
  });
});
