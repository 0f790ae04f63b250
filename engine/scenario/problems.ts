import { paramErrorSay } from '../core/param-phrases';
import type { Say } from '../core/phrase';

// A scenario's problems are strings: share links, files and the CLI print them in English, and
// an edit's result carries them. The inspector and the notices show them in the reader's
// language: each string made here is remembered with its phrase, like param-error's messages.
// Only a bounded number are kept, since a visitor's typing can make many different ones.

const KEEP = 500;
const known = new Map<string, Say>();

/** `english`, remembered as the text of `say`: a problem a scenario has. */
export function problem(english: string, say: Say): string {
  if (known.size >= KEEP) known.delete(known.keys().next().value!);
  known.set(english, say);
  return english;
}

/** A problem in the reader's language: its phrase if it was made by `problem` or `paramError`, else itself. */
export function problemSay(english: string): Say {
  return known.get(english) ?? paramErrorSay(english);
}

/** Every problem remembered now with its phrase (tests check each reads as its English). */
export function problems(): ReadonlyMap<string, Say> {
  return known;
}
