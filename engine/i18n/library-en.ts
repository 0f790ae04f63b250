import { LIBRARY } from '../scenario/library';
import { englishText, libraryMessages } from '../scenario/library/text';

/**
 * The `library` namespace in English: every built-in's text as its file states it. No page
 * loads it (English shows the file's own text, components/panels/library-text.ts, so the
 * catalog need not carry all the built-ins); the catalog checks compare it with translations.
 */
export const libraryEn = libraryMessages(Object.fromEntries(LIBRARY.map((b) => [b.id, englishText(b)])));
