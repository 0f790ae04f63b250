import type { Formatter } from '@/engine/i18n/format';

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
