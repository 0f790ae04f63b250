import type { z } from 'zod';

/** `['nodes', 2, 'params', 'ttlMs']` -> `nodes[2].params.ttlMs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

/**
 * Plain-language messages for zod issues, used at every boundary (URL, file, CLI). Schemas
 * give their own message where a rule needs one (e.g. "expected a positive number").
 */
export const issueMessage: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type': {
      const want = iss.expected === 'number' ? 'a number' : iss.expected === 'object' ? 'an object' : iss.expected === 'array' ? 'an array' : `a ${iss.expected}`;
      return `expected ${want}, got ${kindOf(iss.input)}`;
    }
    case 'too_small':
      if (iss.origin === 'number') return `expected a number ${iss.inclusive ? '>=' : '>'} ${iss.minimum}`;
      if (iss.origin === 'array') return `expected at least ${iss.minimum} item(s)`;
      if (iss.origin === 'string') return `expected at least ${iss.minimum} character(s)`;
      return undefined;
    case 'too_big':
      if (iss.origin === 'number') return `expected a number ${iss.inclusive ? '<=' : '<'} ${iss.maximum}`;
      if (iss.origin === 'array') return `expected at most ${iss.maximum} item(s)`;
      if (iss.origin === 'string') return `expected at most ${iss.maximum} character(s)`;
      return undefined;
    case 'unrecognized_keys':
      return `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    default:
      return undefined;
  }
};

/** One line per problem: `path: problem`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], max = 5): string[] {
  const lines = issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > max) lines.push(`…and ${issues.length - max} more problem(s)`);
  return lines;
}
