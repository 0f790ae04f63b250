/**
 * Keeps a hunt from taking the frames of the page it runs beside. The browser gives the page's
 * main thread no priority over Web Workers, so on a machine with as many busy workers as cores
 * the page paints late whenever the scheduler prefers a worker. The pool therefore watches the
 * page's frames and, for a while after one came late, lets each worker rest one frame before its
 * next chunk: the cores all hunt while the page keeps pace, and give way when it does not. Which
 * runs a chunk holds never depends on this, only when it starts (see HuntCoordinator).
 */
export interface Pace {
  /** Time of the last frame painted. */
  lastFrame: number | null;
  /** Until when chunks wait: set by a late frame. */
  restUntil: number;
}

/** A frame slower than this (ms) is late: 60 frames/s leaves 16.7 ms, plus a little slack. */
export const LATE_FRAME_MS = 20;
/** How long after a late frame the workers keep resting between chunks (ms). */
export const REST_WINDOW_MS = 500;
/** How long a worker rests before its next chunk while the page is catching up (ms): two frames (one left the page at 53-58 frames/s playing behind the dialog on 2 cores, two at 57-59). */
export const REST_MS = 33;

export const initPace = (): Pace => ({ lastFrame: null, restUntil: -Infinity });

/** The page painted a frame at `t`. */
export function noteFrame(p: Pace, t: number): Pace {
  const late = p.lastFrame !== null && t - p.lastFrame > LATE_FRAME_MS;
  return { lastFrame: t, restUntil: late ? t + REST_WINDOW_MS : p.restUntil };
}

/** How long to hold a chunk handed out at `t` before a worker gets it: 0, or one frame's rest. */
export function restBeforeChunk(p: Pace, t: number): number {
  return t < p.restUntil ? REST_MS : 0;
}
