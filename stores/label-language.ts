import type { Lang } from '@/engine/i18n/langs';
import { useLocaleStore } from './locale';
import type { PlaybackStore } from './playback-store';

/** The Chinese label table once it has arrived: applied then without waiting for a promise. */
let zhTable: Readonly<Record<string, string>> | null = null;

/** Fetches the label table `lang` needs (English needs none), so the first render can use it. */
export async function preloadLabels(lang: Lang): Promise<void> {
  if (lang === 'en' || zhTable) return;
  zhTable = (await import('@/engine/scenario/node-labels/zh')).LABELS_ZH;
}

/**
 * Keeps `playback`'s node labels in the reader's language: in Chinese, the built-ins' labels
 * and a new node's kind name are translated (the table loads with the first switch, or was
 * preloaded, and then applies at once); in English they are as the scenario has them. Returns
 * the unsubscribe.
 */
export function followLabelLanguage(playback: PlaybackStore): () => void {
  let live = true;
  const apply = (lang: Lang) => {
    if (lang === 'en') return playback.getState().setLabelLanguage(null);
    if (zhTable) return playback.getState().setLabelLanguage(zhTable);
    void preloadLabels(lang).then(() => {
      if (live && useLocaleStore.getState().lang === lang) playback.getState().setLabelLanguage(zhTable);
    });
  };
  apply(useLocaleStore.getState().lang);
  const unsubscribe = useLocaleStore.subscribe((s, prev) => {
    if (s.lang !== prev.lang) apply(s.lang);
  });
  return () => {
    live = false;
    unsubscribe();
  };
}
