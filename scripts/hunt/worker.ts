/** A hunt worker thread: answers the pool's messages with engine/hunt's handler (see runPool). */
import { parentPort } from 'node:worker_threads';
// Every kind's behaviour, registered up front, as in the CLI: runs build simulations synchronously.
import '../../engine/registry/register-all';
import { huntWorkerHandler, type ToWorker } from '../../engine/hunt/pool';

const handle = huntWorkerHandler();
parentPort?.on('message', (msg: ToWorker) => parentPort?.postMessage(handle(msg)));
