// The entry of a hunt worker thread: Node 20 does not apply `--import tsx` to a worker's own
// entry file, so this plain module registers tsx and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
