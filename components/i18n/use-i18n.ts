'use client';

import { useEffect, useState } from 'react';
import { makeFormatter, type Formatter } from '@/engine/i18n/format';
import type { Lang } from '@/engine/i18n/langs';
import { useLocaleStore } from '@/stores/locale';
import { enMessages, loadMessages } from './messages';

const english = makeFormatter('en', enMessages, reportProblem);
const ready = new Map<Lang, Formatter>([['en', english]]);
const loading = new Map<Lang, Promise<Formatter>>();

function reportProblem(problem: string): void {
  // A gap in a catalog shows the message id on screen; say so where developers look.
  if (process.env.NODE_ENV !== 'production') console.warn(`i18n: ${problem}`);
}

/** The formatter for `lang`, loading its catalog on first use. */
export function formatterFor(lang: Lang): Promise<Formatter> {
  const have = ready.get(lang);
  if (have) return Promise.resolve(have);
  let pending = loading.get(lang);
  if (!pending) {
    pending = loadMessages(lang).then((m) => {
      const f = makeFormatter(lang, m, reportProblem);
      ready.set(lang, f);
      return f;
    });
    loading.set(lang, pending);
  }
  return pending;
}

/**
 * The reader's formatter: `say(phrase)` and `t(id, args)` in the chosen language. Until a
 * catalog has arrived English keeps showing, so nothing flashes blank.
 */
export function useI18n(): Formatter {
  const lang = useLocaleStore((s) => s.lang);
  const [, setLoaded] = useState<Lang | null>(null);
  const current = ready.get(lang);
  useEffect(() => {
    if (current) return;
    let live = true;
    void formatterFor(lang).then(() => live && setLoaded(lang));
    return () => {
      live = false;
    };
  }, [lang, current]);
  return current ?? english;
}

/** The formatter of the chosen language now, for code outside React (handlers, the embed API). */
export function currentFormatter(): Formatter {
  return ready.get(useLocaleStore.getState().lang) ?? english;
}
