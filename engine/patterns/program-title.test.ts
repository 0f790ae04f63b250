import { describe, expect, it } from 'vitest';
import { inEnglish } from '../i18n/english';
import { PROGRAM_MANIFESTS } from './catalog';
import { programTitle } from './kind';

describe('program kinds in words', () => {
  it('have a name in the catalogs, in English as their manifests say', () => {
    for (const k of PROGRAM_MANIFESTS) expect(inEnglish(programTitle(k.kind))).toBe(k.title);
  });
});
