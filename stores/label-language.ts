import type { Lang } from '@/engine/i18n/langs';
import { useLocaleStore } from './locale';
import type { PlaybackStore } from './playback-store';

/**
 * Keeps `playback`'s node labels in the reader's language: in Chinese, the built-ins' labels
 * and a new node's kind name are translated (the table loads with the first switch); in
 * English they are as the scenario has them. Returns the unsubscribe.
 */
export function followLabelLanguage(playback: PlaybackStore): () => void {
  let live = true;
  const apply = (lang: Lang) => {
    if (lang === 'en') return playback.getState().setLabelLanguage(null);
    void import('@/engine/scenario/node-labels/zh').then((m) => {
      if (live && useLocaleStore.getState().lang === lang) playback.getState().setLabelLanguage(m.LABELS_ZH);
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
