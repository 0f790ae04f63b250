import { Worker } from 'node:worker_threads';
import type { FromWorker, HuntPort } from '../../engine/hunt/pool';

/** A hunt worker thread as a pool port (thread.mjs loads the TypeScript worker through tsx). */
export function threadPort(): { port: HuntPort; worker: Worker } {
  const worker = new Worker(new URL('./thread.mjs', import.meta.url));
  return { worker, port: { post: (msg) => worker.postMessage(msg), listen: (cb) => worker.on('message', (m: FromWorker) => cb(m)) } };
}
