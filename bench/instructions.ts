import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'count-run.ts');
const FEW = 300_000;
const MANY = 1_300_000;

/**
 * Instructions per event of the engine (trace off), per push+pop of the bare heap, and per
 * push+pop of the engine's own event queue with nothing else (see queueRate).
 */
export interface Instructions {
  engine: number;
  heap: number;
  queue: number;
}

type What = keyof Instructions;
// The names bench/count-run.ts knows them by.
const RUN_NAME: Record<What, string> = { engine: 'off', heap: 'heap', queue: 'queue' };

// Instructions retired by one run of `what` over `events` events (cachegrind's "I refs").
function count(what: What, events: number): Promise<number> {
  // --single-threaded: V8's compiler and GC threads do their work on the main thread, so it is counted.
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', '--import', 'tsx', SCRIPT, RUN_NAME[what], String(events)];
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code === 0 && m) resolve(Number(m[1].replaceAll(',', '')));
      else reject(new Error(`valgrind ${what} ${events}: exit ${code}: ${err.trim().split('\n').pop()}`));
    });
  });
}

/**
 * Instructions per event, counted by valgrind: a count, unlike a rate, does not move with the
 * machine's load. Each figure is the difference between a long and a short run over the
 * difference in events, so start-up and compilation cancel out. Says why not when valgrind is
 * not installed. Takes about a minute and a half, two runs at a time.
 */
export async function instructionsPerEvent(): Promise<Instructions | { missing: string }> {
  try {
    // One small run outside valgrind first, so tsx's cache holds the transpiled code: two cold
    // runs in parallel, one transpiling and the other reading what it wrote, differed by that.
    const warm = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, 'off', '1000'], { encoding: 'utf8' });
    if (warm.status !== 0) throw new Error(`bench/count-run.ts failed: ${warm.stderr.trim().split('\n').pop()}`);
    const per = async (what: What) => {
      const [few, many] = await Promise.all([count(what, FEW), count(what, MANY)]);
      return (many - few) / (MANY - FEW);
    };
    return { engine: await per('engine'), heap: await per('heap'), queue: await per('queue') };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'valgrind is not installed (Debian: apt-get install valgrind)' : (e as Error).message;
    return { missing: why };
  }
}
