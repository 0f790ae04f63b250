import { engineEn } from '@/engine/i18n/en';
import type { Messages } from '@/engine/i18n/format';
import type { Lang } from '@/engine/i18n/langs';
import { uiEn } from './ui-en';

/** Every English message: the engine's (narration, violations, terms) and the UI's (`ui.*`). */
export const enMessages: Messages = { ...engineEn, ui: uiEn };

/** Every message of `lang`; Chinese is fetched on first use, so English readers never load it. */
export async function loadMessages(lang: Lang): Promise<Messages> {
  if (lang === 'en') return enMessages;
  const [{ engineZh }, { uiZh }] = await Promise.all([import('@/engine/i18n/zh'), import('./ui-zh')]);
  return { ...engineZh, ui: uiZh };
}
