import { describe, expect, it } from 'vitest';
import { initPace, LATE_FRAME_MS, noteFrame, REST_MS, REST_WINDOW_MS, restBeforeChunk } from './pace';

const frames = (times: number[]) => times.reduce(noteFrame, initPace());

describe('hunt pace: workers give way to a page that misses frames', () => {
  it('hands chunks out at once while every frame is on time', () => {
    const p = frames([0, 16.7, 33.4, 50.1, 66.8]);
    expect(restBeforeChunk(p, 70)).toBe(0);
    // The first frame has nothing to be late against.
    expect(restBeforeChunk(frames([1000]), 1001)).toBe(0);
  });

  it('rests one frame before each chunk for a while after a late frame, then stops resting', () => {
    const late = 16.7 + LATE_FRAME_MS + 5;
    const p = frames([0, 16.7, late]);
    expect(restBeforeChunk(p, late + 1)).toBe(REST_MS);
    expect(restBeforeChunk(p, late + REST_WINDOW_MS - 1)).toBe(REST_MS);
    expect(restBeforeChunk(p, late + REST_WINDOW_MS + 1)).toBe(0);
  });

  it('a later late frame extends the rest; on-time frames do not cut it short', () => {
    let p = frames([0, 50]);
    p = noteFrame(p, 300);
    expect(p.restUntil).toBe(300 + REST_WINDOW_MS);
    p = noteFrame(p, 316);
    expect(p.restUntil).toBe(300 + REST_WINDOW_MS);
  });
});
