/**
 * Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, passes PractRand),
 * seeded through splitmix32. Its whole state is four uint32s, so it snapshots as plain data.
 */
export type RngState = [number, number, number, number];

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The initial generator state for a seed (any integer; only its low 32 bits count). */
export function seedRng(seed: number): RngState {
  const next = splitmix32(seed);
  // Stored as int32 so the array stays a packed array of small integers (no boxed doubles).
  const state: RngState = [next() | 0, next() | 0, next() | 0, next() | 0];
  // Discard the first outputs, as the generator's author recommends.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances `state` in place and returns a uint32. */
export function nextUint32(state: RngState): number {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return t >>> 0;
}

/** Advances `state` and returns a float in [0, 1). */
export function nextFloat(state: RngState): number {
  return nextUint32(state) / 4294967296;
}
