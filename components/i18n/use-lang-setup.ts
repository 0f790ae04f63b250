'use client';

import { useEffect } from 'react';
import { langFromAddress, useLocaleStore, visitLang } from '@/stores/locale';
import { formatterFor } from './use-i18n';

/**
 * Picks the page's language once it runs in a browser: a link's `lang=` (share and embed links
 * carry it) for this visit, else the remembered choice, else the browser's. `onBad` hears of a
 * `lang=` value the playground does not speak. Mount it before whatever consumes the address.
 */
export function useLangSetup(onBad?: (value: string) => void): void {
  useEffect(() => {
    const asked = langFromAddress(location.search, location.hash);
    if (asked.bad !== undefined) onBad?.(asked.bad);
    const lang = visitLang(asked);
    // English is showing already, with what its first screen says; its rest comes on idle.
    // Another language's catalog is fetched before switching, so the page changes in one render.
    if (lang !== 'en') void formatterFor(lang).then(() => useLocaleStore.getState().show(lang));
    // Once per page: a later hash change is a new document, not a new language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
