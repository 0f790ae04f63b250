import { preloadLabels } from '@/stores/label-language';
import { useLocaleStore, visitLang } from '@/stores/locale';
import { formatterFor } from './use-i18n';

/**
 * Readies the visit's language (visitLang, as useLangSetup picks it) before the playground's
 * first render; the loader awaits it beside the playground's code. For a language other than
 * English its catalog and node labels are fetched and it is shown at once, so a Chinese
 * reader's first screen is Chinese, not English for a moment. If they cannot be fetched the page starts in English, and
 * useLangSetup tries again.
 */
export async function prepareLang(): Promise<void> {
  const lang = visitLang();
  if (lang === 'en') return;
  try {
    await Promise.all([formatterFor(lang), preloadLabels(lang)]);
    useLocaleStore.getState().show(lang);
  } catch {
    // Offline or a replaced deploy: English now; useLangSetup's own fetch reports or retries.
  }
}
