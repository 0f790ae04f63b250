import type { Formatter } from '@/engine/i18n/format';
import { BLANK_TITLE, UNTITLED } from '@/engine/scenario/titles';

/**
 * A built-in scenario's text in the reader's language: `library.<id>.<key>` (`title`,
 * `description`, `watchFor`, `try<i>`, `guide-<stop>`; see engine/scenario/library/text.ts).
 * English is the scenario file's own text; a language whose catalog lacks the id (a built-in
 * not translated yet) shows the English rather than the id.
 */
export function libraryText(f: Formatter, id: string, key: string, english: string): string {
  if (f.lang === 'en') return english;
  const mid = `library.${id}.${key}`;
  const s = f.t(mid);
  return s === mid ? english : s;
}

/**
 * A scenario's own title as shown: the titles the app gives (a blank scenario's, a file's without
 * one) in the reader's language, any other as its author wrote it.
 */
export function documentTitle(f: Formatter, title: string): string {
  if (title === BLANK_TITLE) return f.t('ui.panels.title-blank');
  if (title === UNTITLED) return f.t('ui.panels.title-untitled');
  return title;
}
