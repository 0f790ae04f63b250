'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { makeCompiledFormatter, type CompiledMessages } from '@/engine/i18n/compiled-format';
import type { Formatter, Messages } from '@/engine/i18n/formatter';
import type { Lang } from '@/engine/i18n/langs';
import { useLocaleStore } from '@/stores/locale';
import { firstEnCompiled } from './first-en.compiled';
import { loadMessages } from './messages';

function reportProblem(problem: string): void {
  // A gap in a catalog shows the message id on screen; say so where developers look.
  if (process.env.NODE_ENV !== 'production') console.warn(`i18n: ${problem}`);
}

// English starts with the page's part of its catalog, compiled ahead of time (first-en.compiled.ts),
// so use-intl and its ICU parser come with the rest of the catalog. A message from the part still on its way
// shows as nothing for the moment the fetch takes, never as its id, and fetches it; everything
// that shows such messages waits for them first (withMessages, kind-loading's assets), so this
// is a safety net.
const firstEnglish = makeCompiledFormatter('en', firstEnCompiled, reportProblem, () => {
  void formatterFor('en');
  return '';
});
const ready = new Map<Lang, Formatter>([['en', firstEnglish]]);
const complete = new Set<Lang>();
const loading = new Map<Lang, Promise<Formatter>>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The formatter for `lang` with its whole catalog, loading it on first use. */
export function formatterFor(lang: Lang): Promise<Formatter> {
  if (complete.has(lang)) return Promise.resolve(ready.get(lang)!);
  let pending = loading.get(lang);
  if (!pending) {
    pending = Promise.all([loadMessages(lang), import('@/engine/i18n/format')]).then(
      ([m, { makeFormatter }]: [Messages, typeof import('@/engine/i18n/format')]) => {
        const f = makeFormatter(lang, m, reportProblem);
        ready.set(lang, f);
        complete.add(lang);
        loading.delete(lang);
        for (const l of listeners) l();
        return f;
      },
      (e: unknown) => {
        // Offline, or a deploy replaced the chunk: forget it, so a later use tries again.
        loading.delete(lang);
        throw e;
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** Whether `lang`'s catalog has the namespace at `path` (`['model', 'redis']`) already. */
export function hasNamespace(lang: Lang, path: readonly string[]): boolean {
  if (complete.has(lang)) return true;
  let m: CompiledMessages | CompiledMessages[string] | undefined = lang === 'en' ? firstEnCompiled : undefined;
  for (const k of path) m = typeof m === 'object' && !Array.isArray(m) && Object.hasOwn(m, k) ? (m as CompiledMessages)[k] : undefined;
  return typeof m === 'object' && !Array.isArray(m);
}

/** The chosen language's whole catalog, then `load`'s result: for code that shows messages of any namespace (a dialog, a tab). */
export function withMessages<T>(load: Promise<T>): Promise<T> {
  return Promise.all([load, formatterFor(useLocaleStore.getState().lang)]).then(([m]) => m);
}

/** The formatter of `lang` as far as its catalog has arrived; English until it has any. */
const shown = (lang: Lang) => ready.get(lang) ?? ready.get('en')!;

/**
 * The reader's formatter: `say(phrase)` and `t(id, args)` in the chosen language. Until a
 * catalog has arrived English keeps showing, so nothing flashes blank; each arrival renders
 * again.
 */
export function useI18n(): Formatter {
  const lang = useLocaleStore((s) => s.lang);
  const f = useSyncExternalStore(
    subscribe,
    () => shown(lang),
    () => shown(lang),
  );
  useEffect(() => {
    if (lang !== 'en' && !complete.has(lang)) formatterFor(lang).catch(() => undefined);
  }, [lang]);
  return f;
}

/** The formatter of the chosen language now, for code outside React (handlers, the embed API). */
export function currentFormatter(): Formatter {
  return shown(useLocaleStore.getState().lang);
}
