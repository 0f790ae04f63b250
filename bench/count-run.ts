/**
 * One of the bench's workloads in a process of its own: `off <events>` advances the ping-pong
 * with the trace off, `on <events>` with it on, `heap <events>` runs the bare heap and
 * `queue <events>` the engine's event queue alone, as bench/engine.ts times them.
 *
 * bench/instructions.ts counts one such run's instructions under valgrind. With `timed`, as
 * bench/rounds.ts runs it, two runs warm the compiler up, then the median rate of three runs is
 * printed (JSON). A process per workload: in one process, each workload's runs came out up to a
 * third slower or faster depending on which others had run before it, the shared code (the
 * heap, the event loop, the recorder) having been compiled for their calls too.
 */
import { engineRate, heapRate, median, queueRate } from './engine';

const RUNS: Record<string, (n: number) => { rate: number }> = {
  off: (n) => engineRate(n, false, 1),
  on: (n) => engineRate(n, true, 1),
  heap: (n) => heapRate(n, 1),
  queue: (n) => queueRate(n, 1),
};

const [what, n, timed] = [process.argv[2], Number(process.argv[3]), process.argv[4] === 'timed'];
const run = RUNS[what];
if (!run) throw new Error(`what to run must be one of ${Object.keys(RUNS).join(', ')}, not "${what}"`);
if (!Number.isInteger(n) || n <= 0) throw new Error(`events must be a positive integer, not "${process.argv[3]}"`);
if (!timed) run(n);
else {
  run(n);
  run(n);
  console.log(JSON.stringify({ rate: median([run(n).rate, run(n).rate, run(n).rate]) }));
}
