import { formatPath } from './json-path';

/** Limits for JSON that comes from strangers (URLs, files, postMessage, localStorage). */
export interface JsonLimits {
  /** Characters of JSON text. */
  readonly maxChars: number;
  /** Nesting depth of arrays and objects. */
  readonly maxDepth: number;
  /** Values in all (every object, array, string, number… counts one). */
  readonly maxValues: number;
}

/** A scenario is a few KB; 1 MB is generous for hand-written ones and still cheap to parse. */
export const SCENARIO_JSON_LIMITS: JsonLimits = { maxChars: 1_000_000, maxDepth: 24, maxValues: 200_000 };

/** Keys that would reach an object's prototype if any code ever merged the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);

/**
 * Parses untrusted JSON text under limits, refusing prototype-polluting keys. Checks the size
 * before parsing and the shape right after, so nothing downstream sees a hostile value. The walk
 * is iterative: a deeply nested input can't overflow the stack. Never throws.
 */
export function parseUntrustedJson(text: string, limits: JsonLimits = SCENARIO_JSON_LIMITS): JsonResult {
  if (text.length > limits.maxChars) return { ok: false, errors: [`too large: ${kb(text.length)} of JSON (the limit is ${kb(limits.maxChars)})`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON (truncated or corrupted?): ${(e as Error).message}`] };
  }
  const problem = checkShape(value, limits);
  return problem ? { ok: false, errors: [problem] } : { ok: true, value };
}

/** The first problem with an already-parsed value (depth, size, forbidden keys), or null. */
export function checkShape(root: unknown, limits: JsonLimits = SCENARIO_JSON_LIMITS): string | null {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: root, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (++count > limits.maxValues) return `too many values (more than ${limits.maxValues})`;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limits.maxDepth) return `${formatPath(path)}: nested more than ${limits.maxDepth} levels deep`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return `${formatPath([...path, key])}: the key "${key}" is not allowed`;
      stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
