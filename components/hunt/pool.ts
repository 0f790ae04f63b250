import type { HuntConfig, HuntStatus } from '@/engine/hunt/coordinator';
import type { HuntResult } from '@/engine/hunt/hunt';
import { runPool, type FromWorker, type HuntPort } from '@/engine/hunt/pool';
import type { Scenario } from '@/engine/scenario/schema';

/**
 * How many workers a hunt uses: every core the browser reports but one, which stays with the
 * page so it keeps painting (on a loaded 2-core machine, two busy workers left the open dialog
 * at a few frames a second); at least 1, at most 8.
 */
export function workerCount(): number {
  return Math.max(1, Math.min(8, (navigator.hardwareConcurrency || 2) - 1));
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
  let live = true;
  const stop = () => {
    live = false;
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
  runPool(s, config, pool.ports, { onProgress }).then(
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
