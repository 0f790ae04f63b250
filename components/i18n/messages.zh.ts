import type { en } from './messages.en';

/** Simplified Chinese messages of `ui.i18n`: the language picker. */
export const zh: Record<keyof typeof en, string> = {
  language: '语言',
  fallback: '英文',
  badLang: '此链接要求的语言“{value}”本站不支持；现以{lang}显示。',
  semicolons: '{a}；{b}',
};
