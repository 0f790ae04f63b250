import { expect, it } from 'vitest';
import { LIBRARY } from '@/engine/scenario/library';
import { englishText } from '@/engine/scenario/library/text';
import { LIBRARY_ZH } from '@/engine/scenario/library/zh';
import { makeFormatter } from '@/engine/i18n/format';
import { uiEn } from '@/components/i18n/ui-en';
import { engineEn } from '@/engine/i18n/en';
import { libraryEn } from '@/engine/i18n/library-en';
import { engineZh } from '@/engine/i18n/zh';

/** Every English message, the built-ins' text included (what the translations are checked against). */
const enMessages = { ...engineEn, library: libraryEn, ui: uiEn };

/**
 * Scenario text goes into the catalogs quoted for ICU (library/text.ts): every built-in's English,
 * and its Chinese where there is some, must render back exactly as written, with no parse error.
 */
it('renders every built-in\'s text back as written, in English and in Chinese', () => {
  const errs: string[] = [];
  const en = makeFormatter('en', enMessages, (e) => errs.push(e));
  const zh = makeFormatter('zh', engineZh, (e) => errs.push(e));
  for (const b of LIBRARY) {
    const x = englishText(b);
    expect(en.t(`library.${b.id}.watchFor`)).toBe(x.watchFor);
    expect(en.t(`library.${b.id}.description`)).toBe(x.description);
    x.tryThis.forEach((t, i) => expect(en.t(`library.${b.id}.try${i}`)).toBe(t));
    const z = LIBRARY_ZH[b.id];
    if (!z) continue;
    expect(z.tryThis.length).toBe(x.tryThis.length);
    expect(Object.keys(z.guide ?? {}).sort()).toEqual(Object.keys(x.guide ?? {}).sort());
    for (const k of ['title', 'description', 'watchFor'] as const) expect(zh.t(`library.${b.id}.${k}`)).toBe(z[k]);
    z.tryThis.forEach((t, i) => expect(zh.t(`library.${b.id}.try${i}`)).toBe(t));
    for (const [k, v] of Object.entries(z.guide ?? {})) expect(zh.t(`library.${b.id}.guide-${k}`)).toBe(v);
  }
  expect(errs).toEqual([]);
});
