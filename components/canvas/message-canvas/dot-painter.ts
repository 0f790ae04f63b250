import type { DotFrame } from './dot-frame';
import { paintDots } from './paint-dots';

/** Paints frames onto one canvas element, in a worker where the browser allows it. */
export interface DotPainter {
  paint(f: DotFrame): void;
  dispose(): void;
}

/** Painting on the page's own thread: for browsers without OffscreenCanvas, or if the worker fails to start. */
function onPage(canvas: HTMLCanvasElement): DotPainter {
  const g = canvas.getContext('2d');
  return {
    paint(f) {
      if (canvas.width !== f.width) canvas.width = f.width;
      if (canvas.height !== f.height) canvas.height = f.height;
      if (g) paintDots(g, f);
    },
    dispose() {},
  };
}

/**
 * A painter for `canvas`, which must be fresh (never drawn on, never transferred): its bitmap
 * goes to a worker (dots.worker.ts) when OffscreenCanvas is supported. At most one frame is in
 * the worker's hands; newer ones replace the waiting one, so a slow worker skips frames
 * instead of falling behind. If the worker cannot start (a CSP without `worker-src 'self'`, a
 * failed download), a fresh canvas takes the transferred one's place and the page paints.
 */
export function createDotPainter(canvas: HTMLCanvasElement): DotPainter {
  if (typeof Worker === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return onPage(canvas);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./dots.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onPage(canvas);
  }
  const offscreen = canvas.transferControlToOffscreen();
  worker.postMessage({ canvas: offscreen }, [offscreen]);
  let fallback: DotPainter | null = null;
  let busy = false;
  let waiting: DotFrame | null = null;
  let last: DotFrame | null = null;
  const send = (f: DotFrame) => {
    busy = true;
    last = f;
    // Copied, not transferred: a few kilobytes, and `last` stays usable for a fallback repaint.
    worker.postMessage({ frame: f });
  };
  worker.addEventListener('message', () => {
    busy = false;
    if (waiting) {
      const f = waiting;
      waiting = null;
      send(f);
    }
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    worker.terminate();
    const fresh = canvas.cloneNode(false) as HTMLCanvasElement;
    canvas.replaceWith(fresh);
    fallback = onPage(fresh);
    const f = waiting ?? last;
    if (f) fallback.paint(f);
  });
  return {
    paint(f) {
      if (fallback) fallback.paint(f);
      else if (busy) waiting = f;
      else send(f);
    },
    dispose() {
      worker.terminate();
    },
  };
}

