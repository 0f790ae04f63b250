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

/** How many formatted texts a formatter keeps before it starts afresh. */
const KEPT_TEXTS = 4096;

/**
 * A Formatter over `translate` (which must give the same text for the same message and
 * arguments: its texts are kept): an argument that is a phrase is rendered first, and an array
 * of arguments becomes a list in `lang` ("a, b and c").
 */
export function formatterOver(lang: Lang, translate: Translate): Formatter {
  const lists = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' });
  const arg = (a: Arg): string | number => {
    if (typeof a === 'string' || typeof a === 'number') return a;
    if (isPhrase(a)) return say(a);
    return lists.format((a as readonly Arg[]).map((x) => String(arg(x))));
  };
  // Formatting a message takes tens of µs, and a playing canvas asks for the same few texts
  // (message labels, card lines) every frame: each text is kept, by message and rendered arguments.
  const kept = new Map<string, string>();
  const t = (id: string, args?: Readonly<Record<string, Arg>>): string => {
    let key = id;
    let values: Record<string, string | number> | undefined;
    if (args) {
      values = {};
      for (const k in args) {
        const v = arg(args[k]);
        values[k] = v;
        key += `\u0001${k}\u0002${typeof v === 'number' ? '#' : '$'}${v}`;
      }
    }
    let text = kept.get(key);
    if (text === undefined) {
      text = values ? translate(id, values) : translate(id);
      if (kept.size >= KEPT_TEXTS) kept.clear();
      kept.set(key, text);
    }
    return text;
  };
  const say = (x: Say): string => (typeof x === 'string' ? x : t(x.id, x.args));
  return { lang, say, t };
}
