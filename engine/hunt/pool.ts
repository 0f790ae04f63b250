import type { FirstViolation } from '../core/simulation';
import type { Scenario } from '../scenario/schema';
import { HuntCoordinator, runChunk, type Chunk, type ChunkResult, type HuntConfig, type HuntStatus } from './coordinator';
import type { HuntResult } from './hunt';
import { scheduleFor } from './schedule';
import { shrink, type Shrunk } from './shrink';

/** What a hunt worker is sent: its scenario and config once, then chunks, and at the end a shrink. */
export type ToWorker =
  | { type: 'init'; scenario: Scenario; config: HuntConfig }
  | { type: 'chunk'; chunk: Chunk }
  | { type: 'shrink'; index: number; violation: FirstViolation };

/** What a hunt worker answers. */
export type FromWorker = { type: 'ready' } | { type: 'chunk'; result: ChunkResult } | { type: 'shrunk'; shrunk: Shrunk } | { type: 'error'; message: string };

/**
 * A worker's side of the protocol, the same in a Web Worker and in a worker thread: keeps the
 * scenario and config it was given and answers each message. The host must have loaded the
 * scenario's behaviour before passing an `init` on.
 */
export function huntWorkerHandler(): (msg: ToWorker) => FromWorker {
  let scenario: Scenario | null = null;
  let config: HuntConfig | null = null;
  return (msg) => {
    try {
      if (msg.type === 'init') {
        scenario = msg.scenario;
        config = msg.config;
        return { type: 'ready' };
      }
      if (!scenario || !config) return { type: 'error', message: 'hunt worker: no init before work' };
      if (msg.type === 'chunk') return { type: 'chunk', result: runChunk(scenario, config, msg.chunk) };
      return { type: 'shrunk', shrunk: shrink(scenario, scheduleFor(scenario, config.distribution, config.seed, msg.index), msg.violation) };
    } catch (e) {
      return { type: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  };
}

/** One worker as the pool sees it: send a message, hear its answers. */
export interface HuntPort {
  post(msg: ToWorker): void;
  listen(onMessage: (msg: FromWorker) => void): void;
}

export interface PoolOptions {
  /** Called after every chunk with where the hunt stands. */
  onProgress?: (status: HuntStatus, runsHandedOut: number) => void;
  /** Polled after every chunk: true stops handing out work (a cancel, or a time budget spent). */
  shouldStop?: () => boolean;
  chunkSize?: number;
}

/**
 * Runs a hunt on a pool of workers: hands chunks out in order, one at a time per worker, and
 * when the first failure is final has the first worker shrink it. Whatever the number of
 * workers, the result is the one `huntInProcess` gets (see HuntCoordinator).
 */
export function runPool(s: Scenario, config: HuntConfig, ports: readonly HuntPort[], opts: PoolOptions = {}): Promise<HuntResult> {
  const c = new HuntCoordinator(s, config, opts.chunkSize);
  let handedOut = 0;
  return new Promise((resolve, reject) => {
    let finishing = false;
    const finish = () => {
      if (finishing) return;
      finishing = true;
      const status = c.status();
      if (!status.failure) return resolve({ ...status, shrunk: null });
      ports[0].listen((msg) => {
        if (msg.type === 'shrunk') resolve({ ...status, shrunk: msg.shrunk });
        else if (msg.type === 'error') reject(new Error(msg.message));
      });
      ports[0].post({ type: 'shrink', index: status.failure.index, violation: status.failure.violation });
    };
    const feed = (port: HuntPort) => {
      if (opts.shouldStop?.()) c.cancel();
      const chunk = c.next();
      if (chunk) {
        handedOut = Math.max(handedOut, chunk.to);
        port.post({ type: 'chunk', chunk });
      } else if (c.finished) finish();
    };
    for (const port of ports) {
      port.listen((msg) => {
        if (finishing) return;
        if (msg.type === 'error') return reject(new Error(msg.message));
        if (msg.type === 'chunk') {
          c.report(msg.result);
          opts.onProgress?.(c.status(), handedOut);
        }
        if (msg.type === 'chunk' || msg.type === 'ready') feed(port);
      });
      port.post({ type: 'init', scenario: s, config });
    }
  });
}
