import { Simulation } from '@/engine/core/simulation';
import { pingPongModels, pingPongSpec } from '@/bench/ping-pong';
for (let r = 0; r < 10; r++) {
  const sim = new Simulation(pingPongSpec(1000), pingPongModels, { record: false, snapshotEvery: 0 });
  const t0 = performance.now();
  let n = 0;
  while (n < 2_000_000 && sim.step()) n++;
  console.log(Math.round(n / (performance.now() - t0) * 1000));
}
