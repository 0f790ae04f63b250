import { createTranslator, IntlErrorCode } from 'use-intl/core';
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

/**
 * A formatter for `lang` over `messages`. A missing message or a message that does not parse is
 * reported to `onError` (tests fail on it) and shows its id, so a gap is visible, never blank.
 * With `missing`, a missing message is not a problem but `missing(id)`'s text: for a catalog
 * that is still arriving, whose owner fetches the rest and renders again.
 */
export function makeFormatter(lang: Lang, messages: Messages, onError?: (problem: string) => void, missing?: (id: string) => string): Formatter {
  const locale = LOCALE[lang];
  const translate = createTranslator({
    locale,
    messages: messages as Record<string, never>,
    timeZone: 'UTC',
    onError: (e) => {
      if (!(missing && e.code === IntlErrorCode.MISSING_MESSAGE)) onError?.(`${lang}: ${e.message}`);
    },
    getMessageFallback: ({ error, namespace, key }) => {
      const id = namespace ? `${namespace}.${key}` : key;
      return missing && error.code === IntlErrorCode.MISSING_MESSAGE ? missing(id) : id;
    },
  }) as unknown as (id: string, values?: Record<string, string | number>) => string;
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

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
