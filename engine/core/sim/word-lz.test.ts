import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressWords, decompressWords } from './word-lz';

const roundTrip = (src: Uint32Array, n = src.length) => {
  const coded = compressWords(src, n);
  const out = new Uint32Array(n + 8).fill(7);
  expect(decompressWords(coded, out)).toBe(n);
  expect(Array.from(out.subarray(0, n))).toEqual(Array.from(src.subarray(0, n)));
  return coded;
};

describe('word-lz', () => {
  it('gives back exactly the words it coded, whatever they are: random, repetitive, or runs longer than a token holds', () => {
    // Few distinct words make long and overlapping matches; the full range makes literals.
    const words = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffffffff }));
    fc.assert(
      fc.property(fc.array(words, { maxLength: 400 }), fc.nat({ max: 400 }), (xs, cut) => {
        const src = Uint32Array.from(xs);
        roundTrip(src, Math.min(cut, src.length));
      }),
      { numRuns: 300 },
    );
    roundTrip(new Uint32Array(200_000).fill(0xdeadbeef));
    const noise = new Uint32Array(150_000);
    for (let i = 0, x = 1; i < noise.length; i++) noise[i] = x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    roundTrip(noise);
    // A small alphabet: many three-word stretches share their first words and their hash slot.
    roundTrip(noise.map((x) => (x >>> 20) % 40));
  });

  it('codes repeated stretches as copies, so a state repeated across nodes takes little', () => {
    const state = Uint32Array.from({ length: 60 }, (_, i) => i * 7919);
    const src = new Uint32Array(60 * 100);
    for (let k = 0; k < 100; k++) src.set(state, 60 * k);
    expect(roundTrip(src).length).toBeLessThan(src.length / 10);
  });
});
