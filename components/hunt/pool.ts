import type { HuntConfig, HuntStatus } from '@/engine/hunt/coordinator';
import type { HuntResult } from '@/engine/hunt/hunt';
import { initPace, noteFrame, restBeforeChunk } from '@/engine/hunt/pace';
import { runPool, type FromWorker, type HuntPort } from '@/engine/hunt/pool';
import type { Scenario } from '@/engine/scenario/schema';

/**
 * How many workers a hunt uses: every core the browser reports, at least 1, at most 8. The page
 * keeps painting beside them: its main thread only takes progress reports (ten a second), the
 * modal has no blurred backdrop (redrawing that blur in software cost 40 frames/s), and the
 * workers rest between chunks while the page misses frames (`paced`).
 */
export function workerCount(): number {
  return Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
}

/**
 * Starts `n` Web Workers as pool ports. The `new Worker(new URL(…, import.meta.url))` form is
 * the one the bundler recognises and emits as a worker chunk, so it stays written out here.
 */
export function startWorkers(n: number): { ports: HuntPort[]; stop(): void } {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./hunt.worker.ts', import.meta.url)));
  return {
    ports: workers.map((w) => ({
      post: (msg) => w.postMessage(msg),
      listen: (cb) => {
        w.addEventListener('message', (e: MessageEvent<FromWorker>) => cb(e.data));
        w.addEventListener('error', (e) => cb({ type: 'error', message: e.message || 'a hunt worker could not start' }));
      },
    })),
    stop: () => workers.forEach((w) => w.terminate()),
  };
}

/**
 * Ports whose chunks wait a frame while the page is missing frames (engine/hunt/pace): the
 * page's frames are watched with requestAnimationFrame until `stop()`.
 */
function paced(ports: readonly HuntPort[]): { ports: HuntPort[]; stop(): void } {
  let pace = initPace();
  let raf = 0;
  const tick = (t: number) => {
    pace = noteFrame(pace, t);
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  return {
    ports: ports.map((p) => ({
      listen: p.listen,
      post: (msg) => {
        const rest = msg.type === 'chunk' ? restBeforeChunk(pace, performance.now()) : 0;
        if (rest === 0) p.post(msg);
        else setTimeout(() => p.post(msg), rest);
      },
    })),
    stop: () => cancelAnimationFrame(raf),
  };
}

/** What a running hunt reports to the page. */
export interface HuntCallbacks {
  progress(status: HuntStatus, workers: number): void;
  done(result: HuntResult, ms: number, workers: number): void;
  failed(message: string): void;
}

/**
 * Starts a hunt of `s` on all cores; `stop()` terminates the workers at once (cancel, or the
 * dialog closing) and nothing is reported after it.
 */
export function startHunt(s: Scenario, config: HuntConfig, cb: HuntCallbacks): { stop(): void } {
  const n = workerCount();
  const pool = startWorkers(n);
  const pace = paced(pool.ports);
  let live = true;
  const stop = () => {
    live = false;
    pace.stop();
    pool.stop();
  };
  const t0 = performance.now();
  // The page hears of progress ten times a second at most: every chunk would re-render it more
  // often than it paints.
  let shown = -Infinity;
  const onProgress = (status: HuntStatus) => {
    const now = performance.now();
    if (!live || (now - shown < 100 && !(status.failure && status.complete))) return;
    shown = now;
    cb.progress(status, n);
  };
  runPool(s, config, pace.ports, { onProgress }).then(
    (result) => {
      if (!live) return;
      stop();
      cb.done(result, performance.now() - t0, n);
    },
    (e: unknown) => {
      if (!live) return;
      stop();
      cb.failed(e instanceof Error ? e.message : String(e));
    },
  );
  return { stop };
}
