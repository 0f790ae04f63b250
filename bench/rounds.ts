import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './engine';
import { simpyRate } from './simpy';

const RUN = join(import.meta.dirname, 'count-run.ts');

/** A rate: the median of its rounds, and the rounds'. */
export interface Rate {
  rate: number;
  all: number[];
}

/** A ratio of two rates: the median of the rounds' ratios, and those ratios. */
export interface Ratio {
  ratio: number;
  all: number[];
}

/** The engine's rates and its ratios to the bare heap and, when it is installed, to SimPy. */
export interface Rounds {
  off: Rate;
  on: Rate;
  heap: Rate;
  offPerHeap: Ratio;
  simpy: (Rate & { version: string; offRatio: Ratio; onRatio: Ratio }) | { missing: string };
}

const ratioOf = (a: number[], b: number[]): Ratio => {
  const all = a.map((x, i) => x / b[i]);
  return { ratio: median(all), all };
};

/** Events/s of workload `what` of bench/count-run.ts, in a node process of its own. */
function apart(what: 'off' | 'on' | 'heap', events: number): number {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', RUN, what, String(events), 'timed'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench run "${what}" failed: ${r.stderr.trim().split('\n').pop()}`);
  return (JSON.parse(r.stdout) as { rate: number }).rate;
}

/**
 * `rounds` rounds of `events` events per run. Each round times the engine with the trace off,
 * the bare heap, the engine with the trace on and SimPy, one after the other (within about ten
 * seconds), each in a process of its own, as SimPy always was (bench/count-run.ts says why). A
 * ratio is the median of the rounds' ratios, so a slow or fast spell of the machine, which
 * lasts seconds, falls on both of its sides; the ratio of two medians measured a minute apart
 * read the spells as much as the engine.
 */
export function pairedRounds(events: number, rounds: number): Rounds {
  const off: number[] = [];
  const on: number[] = [];
  const heap: number[] = [];
  const simpy: number[] = [];
  let version = '';
  let missing: string | undefined;
  for (let r = 0; r < rounds; r++) {
    // The bare heap right after the engine it is compared with; SimPy, the slowest, last.
    off.push(apart('off', events));
    heap.push(apart('heap', events));
    on.push(apart('on', events));
    if (missing !== undefined) continue;
    const s = simpyRate(events, 1);
    if ('missing' in s) missing = s.missing;
    else {
      simpy.push(s.rate);
      version = s.version;
    }
  }
  const rate = (all: number[]): Rate => ({ rate: median(all), all });
  return {
    off: rate(off),
    on: rate(on),
    heap: rate(heap),
    offPerHeap: ratioOf(off, heap),
    simpy: missing !== undefined ? { missing } : { ...rate(simpy), version, offRatio: ratioOf(off, simpy), onRatio: ratioOf(on, simpy) },
  };
}
