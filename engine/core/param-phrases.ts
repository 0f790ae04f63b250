import type { Phrase, Say } from './phrase';

// zod needs a parameter's validation message as a string, and the boundaries (share links,
// files, the CLI) print that string in English. The inspector shows the same message in the
// reader's language: every message is passed to `paramError` with its phrase, and
// the English string is remembered as that phrase's key. Schemas stay cheap: building one
// formats a template literal and fills a map, and loads no catalog. Apart from the schemas'
// common messages (param-error.ts), so code that only reads a message back (a scenario's
// problems, on the first page load) does not carry them.

const known = new Map<string, Phrase>();

/**
 * `english`, remembered as the text of `phrase`, for a zod `error:`. A schema with a message of
 * its own (a model's rule) calls this directly; the common ones in param-error.ts call it for it.
 */
export function paramError(english: string, phrase: Phrase): string {
  known.set(english, phrase);
  return english;
}

/** A validation message in the reader's language: its phrase if it was made by `paramError`, else itself. */
export function paramErrorSay(message: string): Say {
  return known.get(message) ?? message;
}

/** Every message made so far with its phrase (tests check that each phrase reads as its English). */
export function paramErrors(): ReadonlyMap<string, Phrase> {
  return known;
}

