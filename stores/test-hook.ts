import type { PlaybackStore } from './playback-store';

/**
 * TEST HOOK. `window.__sim` lets end-to-end tests drive virtual time directly instead of
 * waiting on the wall clock. It is always installed (the static build has no test mode) and
 * only calls the same store actions the controls do, so it cannot put the player in a state a
 * visitor could not reach.
 */
export interface SimTestHook {
  /** Processes exactly one engine event; returns the new step count. */
  step(): number;
  /** Advances virtual time by `ms`; returns the new time. */
  advance(ms: number): number;
  /** Virtual time of the cursor (ms). */
  time(): number;
  /** Engine events processed so far. */
  steps(): number;
  /** Messages on the wire now. */
  inFlight(): { from: string; to: string; link: string; sentAt: number; arriveAt: number; text: string; lost: boolean }[];
  play(): void;
  pause(): void;
  playing(): boolean;
  restart(): void;
  seek(t: number): number;
}

declare global {
  interface Window {
    /** Test hook: see stores/test-hook.ts. */
    __sim?: SimTestHook;
  }
}

/** Installs `window.__sim` for `store`; returns the uninstaller (an effect cleanup). */
export function installTestHook(store: PlaybackStore): () => void {
  const s = () => store.getState();
  const hook: SimTestHook = {
    step: () => (s().stepForward(), s().steps),
    advance: (ms) => (s().advance(ms), s().time),
    time: () => s().time,
    steps: () => s().steps,
    inFlight: () => s().inFlight.map(({ from, to, link, sentAt, arriveAt, text, lost }) => ({ from, to, link, sentAt, arriveAt, text, lost })),
    play: () => s().play(),
    pause: () => s().pause(),
    playing: () => s().playing,
    restart: () => s().restart(),
    seek: (t) => (s().seek(t), s().time),
  };
  window.__sim = hook;
  return () => {
    if (window.__sim === hook) delete window.__sim;
  };
}
