import { p, type Phrase } from '../core/phrase';

/** Phrases joined with semicolons ("a; b; c"), as violation sentences list their causes. */
export function semicolons(items: readonly Phrase[]): Phrase {
  return items.slice(1).reduce((acc, x) => p('invariants.semi', { a: acc, b: x }), items[0]);
}

/** Phrases joined with commas ("a, b, c"): a plain enumeration, not a sentence's "and" list. */
export function commas(items: readonly Phrase[]): Phrase {
  return items.slice(1).reduce((acc, x) => p('invariants.comma', { a: acc, b: x }), items[0]);
}
