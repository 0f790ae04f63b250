import { create } from 'zustand';
import { isLang, langFromPreferences, LOCALE, type Lang } from '@/engine/i18n/langs';

/** Where the reader's choice of language is remembered. */
const KEY = 'dp.lang';

export interface LocaleState {
  lang: Lang;
  /** Switches the language and remembers the choice. */
  choose(lang: Lang): void;
  /** Shows `lang` for this visit only (a link's `lang=`), leaving the remembered choice alone. */
  show(lang: Lang): void;
}

function remembered(): Lang | null {
  try {
    const v = localStorage.getItem(KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

/** The language a visit starts in: the remembered choice, else the browser's preference. */
export function initialLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  return remembered() ?? langFromPreferences(navigator.languages ?? [navigator.language]);
}

function applyToPage(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE[lang];
}

/**
 * The language `lang=` in a page address asks for (in the query or the hash, as share and embed
 * links carry it), or null when it names none; an unknown value is returned as `bad`.
 */
export function langFromAddress(search: string, hash: string): { lang: Lang | null; bad?: string } {
  for (const part of [search, hash]) {
    const v = new URLSearchParams(part.replace(/^[#?]/, '')).get('lang');
    if (v === null) continue;
    return isLang(v) ? { lang: v } : { lang: null, bad: v };
  }
  return { lang: null };
}

/**
 * The language this visit shows: a link's `lang=` (`asked`, from the page address by default),
 * else the remembered choice, else the browser's.
 */
export function visitLang(asked: { lang: Lang | null } = langFromAddress(location.search, location.hash)): Lang {
  return asked.lang ?? initialLang();
}

/** The reader's language. It starts as English so the static page and its first render agree. */
export const useLocaleStore = create<LocaleState>()((set) => ({
  lang: 'en',
  choose(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Storage refused (private mode, quota): the switch still works for this visit.
    }
    applyToPage(lang);
    set({ lang });
  },
  show(lang) {
    applyToPage(lang);
    set({ lang });
  },
}));
