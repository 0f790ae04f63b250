import { isPhrase, type Arg, type Say } from '../core/phrase';
import { LOCALE, type Lang } from './langs';

/** Message catalogs: nested objects whose leaves are ICU MessageFormat strings. */
export interface Messages {
  readonly [key: string]: string | Messages;
}

/** Renders phrases in one language. */
export interface Formatter {
  readonly lang: Lang;
  /** The text of a phrase (or verbatim text as it is). */
  say(x: Say): string;
  /** The text of message `id` with `args`. */
  t(id: string, args?: Readonly<Record<string, Arg>>): string;
}

/** The text of message `id` with its arguments already rendered as strings and numbers. */
export type Translate = (id: string, values?: Record<string, string | number>) => string;

/**
 * A Formatter over `translate`: an argument that is a phrase is rendered first, and an array
 * of arguments becomes a list in `lang` ("a, b and c").
 */
export function formatterOver(lang: Lang, translate: Translate): Formatter {
  const lists = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' });
  const arg = (a: Arg): string | number => {
    if (typeof a === 'string' || typeof a === 'number') return a;
    if (isPhrase(a)) return say(a);
    return lists.format((a as readonly Arg[]).map((x) => String(arg(x))));
  };
  const t = (id: string, args?: Readonly<Record<string, Arg>>): string => {
    if (!args) return translate(id);
    const values: Record<string, string | number> = {};
    for (const k in args) values[k] = arg(args[k]);
    return translate(id, values);
  };
  const say = (x: Say): string => (typeof x === 'string' ? x : t(x.id, x.args));
  return { lang, say, t };
}
