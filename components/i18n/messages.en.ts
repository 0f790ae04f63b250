/** English messages of `ui.i18n`: the language picker. */
export const en = {
  language: 'Language',
  fallback: 'English',
  badLang: 'This link asks for language “{value}”, which the playground does not speak; it is shown in {lang}.',
  semicolons: '{a}; {b}',
} as const satisfies Record<string, string>;
