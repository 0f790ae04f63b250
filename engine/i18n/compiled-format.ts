import format, { type CompiledMessage } from 'icu-minify/format';
import { formatterOver, type Formatter } from './formatter';
import { LOCALE, type Lang } from './langs';

/**
 * A catalog compiled ahead of time by icu-minify (`compileCatalog`): the same nesting as its
 * source, each ICU message already parsed, so formatting it needs no parser at run time.
 */
export interface CompiledMessages {
  readonly [key: string]: CompiledMessage | CompiledMessages;
}

const isMessage = (x: unknown): x is CompiledMessage => typeof x === 'string' || Array.isArray(x);

function lookup(messages: CompiledMessages, id: string): CompiledMessage | undefined {
  let m: CompiledMessage | CompiledMessages | undefined = messages;
  for (const k of id.split('.')) m = m && !isMessage(m) && Object.hasOwn(m, k) ? m[k] : undefined;
  return m !== undefined && isMessage(m) ? m : undefined;
}

/**
 * A formatter for `lang` over a precompiled catalog: what the page's first paint uses, so
 * use-intl and the ICU parser arrive with the rest of the catalog (engine/i18n/format.ts).
 * Like `makeFormatter`, a missing message or one that fails to format is reported to `onError`
 * and shows its id; with `missing`, a missing message shows `missing(id)` instead.
 */
export function makeCompiledFormatter(lang: Lang, messages: CompiledMessages, onError?: (problem: string) => void, missing?: (id: string) => string): Formatter {
  const locale = LOCALE[lang];
  const plurals = new Map<string, Intl.PluralRules>();
  const numbers = new Map<string, Intl.NumberFormat>();
  const formatters = {
    getPluralRules: (l?: string | string[], o?: Intl.PluralRulesOptions) => {
      const key = JSON.stringify([l, o]);
      let r = plurals.get(key);
      if (!r) plurals.set(key, (r = new Intl.PluralRules(l, o)));
      return r;
    },
    getNumberFormat: (l?: string | string[], o?: Intl.NumberFormatOptions) => {
      const key = JSON.stringify([l, o]);
      let r = numbers.get(key);
      if (!r) numbers.set(key, (r = new Intl.NumberFormat(l, o)));
      return r;
    },
    getDateTimeFormat: (l?: string | string[], o?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(l, o),
  };
  return formatterOver(lang, (id, values) => {
    const message = lookup(messages, id);
    if (message === undefined) {
      if (missing) return missing(id);
      onError?.(`${lang}: MISSING_MESSAGE: could not resolve \`${id}\` in messages`);
      return id;
    }
    try {
      return String(format(message, locale, values, { formatters, timeZone: 'UTC' }));
    } catch (e) {
      onError?.(`${lang}: FORMATTING_ERROR: ${id}: ${(e as Error).message}`);
      return id;
    }
  });
}
