/**
 * `npm run bench`: speed and memory figures, measured in one process and printed with their
 * budgets. Rates are wall-clock. Timings are noisy on a shared 2-core machine, so each rate is
 * the median of several runs, and the engine is also given as ratios measured in the same
 * minute: to the bare heap doing the same pushes and pops, and, when python3 with SimPy is
 * installed, to SimPy running the same ping-pong (bench/simpy). Exit 1 when a budget is missed.
 */
import { browserBench } from './browser';
import { bytesPerEvent, engineRate, heapRate } from './engine';
import { huntBench } from './hunt';
import { simpyRate } from './simpy';

const EVENTS = 1_000_000;
const RUNS = 5;

interface Row {
  what: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
}

const fmt = (n: number) => (n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function main(): void {
  // Warm the JIT with one discarded full-length run of each path: the first long run of a
  // path is deoptimised and recompiled partway, and ran about a third slower than the rest.
  engineRate(EVENTS, false, 1);
  engineRate(EVENTS, true, 1);
  engineRate(EVENTS, false, 1, true);
  heapRate(EVENTS, 1);

  const off = engineRate(EVENTS, false, RUNS);
  const on = engineRate(EVENTS, true, RUNS);
  const stepwise = engineRate(EVENTS, false, RUNS, true);
  const heap = heapRate(EVENTS, RUNS);
  const bytes = bytesPerEvent(EVENTS);
  const simpy = simpyRate(EVENTS, 3);

  const rows: Row[] = [
    { what: 'engine, ping-pong 1,000 clients, trace off', value: off.rate, unit: 'events/s', budget: '>= 3,000,000', ok: off.rate >= 3_000_000 },
    { what: 'engine, ping-pong 1,000 clients, trace on', value: on.rate, unit: 'events/s', budget: '>= 1,500,000', ok: on.rate >= 1_500_000 },
    { what: 'engine, trace off, one step() call per event', value: stepwise.rate, unit: 'events/s', budget: '(reference)', ok: true },
    { what: 'bare heap push+pop (same load)', value: heap.rate, unit: 'ops/s', budget: '(reference)', ok: true },
    { what: 'engine (trace off) / bare heap', value: off.rate / heap.rate, unit: 'ratio', budget: '>= 0.8', ok: off.rate / heap.rate >= 0.8 },
    { what: 'heap per recorded trace event', value: bytes, unit: 'bytes', budget: '<= 40', ok: bytes <= 40 },
  ];
  if ('rate' in simpy) {
    rows.push(
      { what: `SimPy ${simpy.version}, same ping-pong (python3)`, value: simpy.rate, unit: 'events/s', budget: '(reference)', ok: true },
      { what: 'engine (trace off) / SimPy', value: off.rate / simpy.rate, unit: 'ratio', budget: '>= 8', ok: off.rate / simpy.rate >= 8 },
      { what: 'engine (trace on) / SimPy', value: on.rate / simpy.rate, unit: 'ratio', budget: '>= 4', ok: on.rate / simpy.rate >= 4 },
    );
  }
  console.log(`Engine benchmark: ${EVENTS.toLocaleString('en-US')} events per run, median of ${RUNS} runs, node ${process.version}\n`);
  for (const r of rows) {
    console.log(`${r.ok ? 'ok  ' : 'MISS'}  ${r.what.padEnd(46)} ${fmt(r.value).padStart(12)} ${r.unit.padEnd(9)} budget ${r.budget}`);
  }
  console.log(`\nruns (events/s): trace off ${off.all.map(fmt).join(', ')}; trace on ${on.all.map(fmt).join(', ')}; stepwise ${stepwise.all.map(fmt).join(', ')}`);
  if ('missing' in simpy) console.log(`SimPy peer skipped: ${simpy.missing}`);
  if (rows.some((r) => !r.ok)) {
    console.log('\nSome budgets were missed (see MISS above).');
    process.exitCode = 1;
  }
}

main();
// The fault-schedule hunt on worker threads (wall time: it is about using every core).
console.log('\nHunt (worker threads, wall time):');
for (const f of await huntBench()) console.log(`      ${f.what.padEnd(46)} ${fmt(f.value).padStart(12)} ${f.unit}`);
// Then the UI in headless Chromium (bench/browser.ts); it prints its own figures.
if (!(await browserBench())) process.exitCode = 1;
