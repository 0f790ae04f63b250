import { describe, expect, it } from 'vitest';
import { inEnglish } from '../i18n/english';
import { NODE_MANIFESTS } from './catalog';
import { kindBlurb, kindTitle } from './kind';

describe('node kinds in words', () => {
  it('have a name and a description in the catalogs, in English as their manifests say', () => {
    for (const k of NODE_MANIFESTS) {
      expect(inEnglish(kindTitle(k.type))).toBe(k.title);
      expect(inEnglish(kindBlurb(k.type))).toBe(k.blurb);
    }
  });
});
