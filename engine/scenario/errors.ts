import type { z } from 'zod';
import { paramErrorSay } from '../core/param-phrases';
import { p, type Phrase, type Say } from '../core/phrase';
import { problem } from './problems';
import { formatPath } from './json-path';

export { formatPath };

/** A value's kind as the English word, and the phrase's select key. */
function kindOf(v: unknown): { en: string; key: string } {
  if (v === null) return { en: 'null', key: 'null' };
  if (Array.isArray(v)) return { en: 'an array', key: 'array' };
  if (typeof v === 'number' && Number.isNaN(v)) return { en: 'NaN', key: 'NaN' };
  const t = typeof v;
  return t === 'object' ? { en: 'an object', key: 'object' } : t === 'undefined' ? { en: 'nothing', key: 'nothing' } : { en: `a ${t}`, key: t };
}

/** `a or b or c`: each value as JSON, in English and as a phrase. */
function eitherOf(values: readonly unknown[]): { en: string; say: Say } {
  const shown = values.map((v) => JSON.stringify(v));
  let say: Say = shown[0] ?? '';
  for (const v of shown.slice(1)) say = p('scenario.issueOr', { a: say, b: v });
  return { en: shown.join(' or '), say };
}

/**
 * The generic problem of a zod issue (one no schema gave a message of its own), in English and
 * as a phrase: one function writes both, so they cannot drift apart.
 */
function issueText(iss: z.core.$ZodRawIssue | z.core.$ZodIssue): { en: string; say: Phrase } | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      const want = iss.expected === 'number' ? 'a number' : iss.expected === 'object' ? 'an object' : iss.expected === 'array' ? 'an array' : `a ${iss.expected}`;
      const got = kindOf(iss.input);
      return { en: `expected ${want}, got ${got.en}`, say: p('scenario.issueType', { want: iss.expected, got: got.key }) };
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const bound = small ? (iss as z.core.$ZodIssueTooSmall).minimum : (iss as z.core.$ZodIssueTooBig).maximum;
      const n = Number(bound);
      if (iss.origin === 'number') {
        const op = small ? (iss.inclusive ? '>=' : '>') : iss.inclusive ? '<=' : '<';
        return { en: `expected a number ${op} ${bound}`, say: p('scenario.issueNumberBound', { op, bound: String(bound) }) };
      }
      if (iss.origin === 'array') return { en: `expected ${small ? 'at least' : 'at most'} ${bound} item(s)`, say: p(small ? 'scenario.issueItemsMin' : 'scenario.issueItemsMax', { n }) };
      if (iss.origin === 'string') return { en: `expected ${small ? 'at least' : 'at most'} ${bound} character(s)`, say: p(small ? 'scenario.issueCharsMin' : 'scenario.issueCharsMax', { n }) };
      return undefined;
    }
    case 'unrecognized_keys': {
      const keys = iss.keys.map((k) => `"${k}"`).join(', ');
      return { en: `unknown field${iss.keys.length > 1 ? 's' : ''} ${keys}`, say: p('scenario.issueUnknownKeys', { n: iss.keys.length, keys }) };
    }
    case 'invalid_value': {
      const v = eitherOf(iss.values);
      return { en: `expected ${v.en}`, say: p('scenario.issueValue', { values: v.say }) };
    }
    case 'invalid_union':
      return { en: 'does not match any allowed shape', say: p('scenario.issueUnion') };
    default:
      return undefined;
  }
}

/**
 * Plain-language messages for zod issues, used at every boundary (URL, file, CLI). Schemas
 * give their own message where a rule needs one (engine/core/param-error.ts).
 */
export const issueMessage: z.core.$ZodErrorMap = (iss) => issueText(iss)?.en;

/**
 * An issue's message in the reader's language (the inspector's). The issue must come from a parse
 * with `issueMessage` and `reportInput: true`: its message is then either a schema's own, made
 * by param-error, or this module's generic text for the issue, which needs the input it was
 * given.
 */
export function issueSay(iss: z.core.$ZodIssue): Say {
  const generic = issueText(iss);
  return generic && generic.en === iss.message ? generic.say : paramErrorSay(iss.message);
}

/** The line that stands for `n` problems not listed. */
export function moreProblems(n: number): string {
  return problem(`…and ${n} more problem(s)`, p('scenario.problem-more', { n }));
}

/**
 * One line per problem: `path: problem`. The issues should come from a parse with `issueMessage`
 * and `reportInput: true`, so that each line can also be shown in the reader's language (problems.ts).
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], max = 5): string[] {
  const lines = issues.slice(0, max).map((i) => {
    const path = formatPath(i.path);
    return problem(`${path}: ${i.message}`, p('scenario.problem-at', { path, problem: issueSay(i) }));
  });
  if (issues.length > max) lines.push(moreProblems(issues.length - max));
  return lines;
}
