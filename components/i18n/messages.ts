import type { Messages } from '@/engine/i18n/formatter';
import type { Lang } from '@/engine/i18n/langs';

/**
 * Every message of `lang` the page uses, fetched on first use: the engine's English (Chinese
 * readers never load it) or the whole Chinese catalog (English readers never load it).
 */
export async function loadMessages(lang: Lang): Promise<Messages> {
  if (lang === 'en') {
    const [{ engineEn }, { uiEn }] = await Promise.all([import('@/engine/i18n/en'), import('./ui-en')]);
    return { ...engineEn, ui: uiEn };
  }
  const [{ engineZh }, { uiZh }] = await Promise.all([import('@/engine/i18n/zh'), import('./ui-zh')]);
  return { ...engineZh, ui: uiZh };
}
