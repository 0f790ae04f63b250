/**
 * A hunt worker in the browser: loads the scenario's kinds on `init` (a worker has its own
 * registry), then answers the pool's messages with engine/hunt's handler, in order.
 */
import { huntWorkerHandler, type FromWorker, type ToWorker } from '@/engine/hunt/pool';
import { loadBehaviour } from '@/engine/registry/load';

const handle = huntWorkerHandler();
const post = (msg: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(msg);
let queue = Promise.resolve();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  queue = queue.then(async () => {
    try {
      if (msg.type === 'init') await loadBehaviour(msg.scenario);
      post(handle(msg));
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  });
};
