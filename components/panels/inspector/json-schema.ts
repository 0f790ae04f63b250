/** The part of JSON Schema that zod's toJSONSchema produces for the playground's parameter schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** The variants of a union (zod writes discriminated unions as oneOf, plain ones as anyOf). */
export const variantsOf = (s: JsonSchema): JsonSchema[] | null => s.oneOf ?? s.anyOf ?? null;

/** The property every variant fixes to a constant (a discriminated union's tag), if there is one. */
export function discriminator(variants: JsonSchema[]): string | null {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined)) ?? null;
}

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The simple kind of field a schema is edited with. */
export type FieldKind = 'number' | 'boolean' | 'string' | 'enum' | 'lines' | 'commands' | 'object' | 'union' | 'json';

/** How to edit a value of schema `s`: arrays of strings as lines, arrays of words as commands. */
export function fieldKind(s: JsonSchema): FieldKind {
  if (variantsOf(s)) return 'union';
  if (s.enum) return 'enum';
  const t = typeOf(s);
  if (t === 'number' || t === 'integer') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'string') return 'string';
  if (t === 'object' && s.properties) return 'object';
  if (t === 'array' && s.items) {
    const it = s.items;
    if (typeOf(it) === 'string') return 'lines';
    if (typeOf(it) === 'array' && it.items && typeOf(it.items) === 'string') return 'commands';
  }
  return 'json';
}

/** A first value for a required field that has no default. */
export function blankOf(s: JsonSchema): unknown {
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  switch (fieldKind(s)) {
    case 'number':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    case 'lines':
    case 'commands':
      return [];
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, blankOf(s.properties![k])]));
    case 'union': {
      const v = variantsOf(s)![0];
      return blankOf(v);
    }
    default:
      return '';
  }
}

/** "1–500", "≥ 0": the range a number field accepts, when the schema says. */
export function rangeText(s: JsonSchema): string {
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  if (lo !== undefined && hi !== undefined) return `${lo}–${hi}`;
  if (lo !== undefined) return `≥ ${lo}`;
  if (hi !== undefined) return `≤ ${hi}`;
  return '';
}
