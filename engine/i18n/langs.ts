/** The languages the playground speaks, in the order the switch lists them. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 tag of each language: the page's `lang` attribute and `Intl`'s locale. */
export const LOCALE: Readonly<Record<Lang, string>> = { en: 'en', zh: 'zh-CN' };

/** Each language's name, written in itself, for the switch. */
export const LANG_NAME: Readonly<Record<Lang, string>> = { en: 'English', zh: '中文' };

/** Whether `x` names a language the playground speaks. */
export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/**
 * The language for a browser's preferred languages (`navigator.languages`): Chinese for any
 * `zh` tag that comes before an English one, else English.
 */
export function langFromPreferences(prefs: readonly string[]): Lang {
  for (const tag of prefs) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}
