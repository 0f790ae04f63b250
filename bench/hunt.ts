import { availableParallelism } from 'node:os';
import { runPool } from '@/engine/hunt/pool';
import { DEFAULT_DISTRIBUTION } from '@/engine/hunt/schedule';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { threadPort } from '../scripts/hunt/threads';

/** A hunt figure: what, its value, its unit. */
export interface HuntFigure {
  what: string;
  value: number;
  unit: string;
}

const scenario = (id: string): Scenario => {
  const r = parseScenario(builtin(id)?.scenario);
  if (!r.ok) throw new Error(`bench: built-in ${id}: ${r.errors.join('; ')}`);
  return r.scenario;
};

/**
 * Hunt throughput on worker threads: runs per wall-second of `zk-lock` and `tcc` (every run to
 * its end, no violation stops it: zk-lock's distribution is restricted to clock jumps, which it
 * survives) on one worker and on all, and the wall time to the first violation of
 * redis-lock-expiry (shrinking included). The threads are started and warmed before timing.
 */
export async function huntBench(): Promise<HuntFigure[]> {
  const all = availableParallelism();
  const out: HuntFigure[] = [];
  for (const workers of all > 1 ? [1, all] : [1]) {
    const threads = Array.from({ length: workers }, threadPort);
    const ports = threads.map((t) => t.port);
    try {
      for (const [id, runs, kinds] of [
        ['zk-lock', 600, ['skew'] as const],
        ['tcc', 600, DEFAULT_DISTRIBUTION.kinds],
      ] as const) {
        const s = scenario(id);
        const config = { runs, seed: 1, distribution: { kinds, maxFaults: 3 } };
        await runPool(s, { ...config, runs: 40 }, ports); // warm-up: JIT and the worker's first loads
        const t0 = performance.now();
        const r = await runPool(s, config, ports);
        const secs = (performance.now() - t0) / 1000;
        if (r.failure) throw new Error(`bench: ${id} broke in run ${r.failure.index} (${r.failure.violation.monitor}); its throughput needs a run that does not stop`);
        out.push({ what: `hunt ${id}, ${workers} worker${workers === 1 ? '' : 's'}`, value: r.coverage.runs / secs, unit: 'runs/s' });
      }
      if (workers === 1) {
        const s = scenario('redis-lock-expiry');
        await runPool(s, { runs: 5, seed: 1, distribution: DEFAULT_DISTRIBUTION }, ports);
        const t0 = performance.now();
        const r = await runPool(s, { runs: 1000, seed: 1, distribution: DEFAULT_DISTRIBUTION }, ports);
        if (!r.failure) throw new Error('bench: redis-lock-expiry did not break');
        out.push({ what: 'hunt redis-lock-expiry: first violation, shrunk', value: performance.now() - t0, unit: 'ms' });
      }
    } finally {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    }
  }
  return out;
}
