'use client';

import { LANG_NAME, LANGS, isLang, type Lang } from '@/engine/i18n/langs';
import { useI18n } from '../i18n/use-i18n';

/**
 * The language a link opens in: the viewer's own (no `lang=`, the default) or a fixed one,
 * each language named in itself.
 */
export function LangChoice({ value, onChange, testId }: { value: Lang | ''; onChange(v: Lang | ''): void; testId: string }) {
  const { t } = useI18n();
  return (
    <label className="flex items-center gap-2">
      {t('ui.playground.lang-label')}
      <select
        value={value}
        onChange={(e) => onChange(isLang(e.target.value) ? e.target.value : '')}
        data-testid={testId}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">{t('ui.playground.lang-viewer')}</option>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {LANG_NAME[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
