import { createTranslator, IntlErrorCode } from 'use-intl/core';
import { formatterOver, type Formatter, type Messages, type Translate } from './formatter';
import { LOCALE, type Lang } from './langs';

export type { Formatter, Messages } from './formatter';

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
  }) as unknown as Translate;
  return formatterOver(lang, translate);
}
