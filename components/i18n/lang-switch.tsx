'use client';

import { LANG_NAME, LANGS, isLang } from '@/engine/i18n/langs';
import { useLocaleStore } from '@/stores/locale';
import { formatterFor, useI18n } from './use-i18n';

/**
 * The header's language picker: the choice is remembered for the next visit. The language's
 * whole catalog is fetched before switching (back to English too, whose page-load part lacks
 * other kinds' narration), so the page changes language in one render.
 */
export function LangSwitch({ className = '' }: { className?: string }) {
  const lang = useLocaleStore((s) => s.lang);
  const choose = useLocaleStore((s) => s.choose);
  const { t } = useI18n();
  return (
    <select
      data-testid="lang-switch"
      aria-label={t('ui.i18n.language')}
      title={t('ui.i18n.language')}
      value={lang}
      onChange={(e) => {
        const next = e.target.value;
        if (isLang(next)) void formatterFor(next).then(() => choose(next), () => choose(next));
      }}
      className={`h-8 shrink-0 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 ${className}`}
    >
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
          {LANG_NAME[l]}
        </option>
      ))}
    </select>
  );
}
