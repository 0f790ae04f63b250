/**
 * Text meant for a person, kept language-neutral: a message id and its arguments, which the UI
 * (or the CLI) renders in the reader's language from the message catalogs. A trace and a share
 * link hold phrases, never sentences, so a shared run opens in the viewer's language.
 */

/** An argument of a phrase: verbatim text or a number, another phrase, or a list of them. */
export type Arg = string | number | Phrase | readonly Arg[];

/** A message id (`namespace.key`, see engine/i18n) and its arguments. */
export interface Phrase {
  readonly id: string;
  readonly args?: Readonly<Record<string, Arg>>;
}

/**
 * Text for a person: a phrase to translate, or a verbatim string that reads the same in every
 * language (a command such as `SET k v`, a reply, a key, a node's label, a number).
 */
export type Say = string | Phrase;

/** A phrase: message `id` with its arguments. */
export function p(id: string, args?: Readonly<Record<string, Arg>>): Phrase {
  return args ? { id, args } : { id };
}

/** Whether `x` is a phrase: an object of exactly `id` (a string) and, optionally, `args`. */
export function isPhrase(x: unknown): x is Phrase {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || typeof (x as Phrase).id !== 'string') return false;
  for (const k in x) if (k !== 'id' && k !== 'args') return false;
  return true;
}
