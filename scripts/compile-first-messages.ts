/**
 * `npm run i18n:compile`: writes components/i18n/first-en.compiled.ts, the English the page
 * ships with (components/i18n/first-en.ts firstEnMessages) compiled by icu-minify, so the first
 * paint formats it without an ICU parser. tests/compiled-format.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledFirstSource } from '../components/i18n/first-compiled-source';

const file = join(import.meta.dirname, '..', 'components', 'i18n', 'first-en.compiled.ts');
writeFileSync(file, compiledFirstSource());
console.log(`wrote ${file}`);
