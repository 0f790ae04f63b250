/**
 * `npm run bench`: speed and memory figures, printed with their budgets. Rates are wall-clock.
 * Timings are noisy on a shared 2-core machine, so each rate is the median of several runs, and
 * the engine is also given as ratios of runs made back to back, each workload in a process of
 * its own (bench/rounds.ts): to the bare heap doing the same pushes and pops, and, when python3
 * with SimPy is installed, to SimPy running the same ping-pong (bench/simpy). When valgrind is
 * installed, the same work is also counted in instructions (bench/instructions.ts). Exit 1 when
 * a budget is missed.
 */
import { browserBench } from './browser';
import { bytesPerEvent, engineRate } from './engine';
import { huntBench } from './hunt';
import { instructionsPerEvent } from './instructions';
import { pairedRounds } from './rounds';

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

async function main(): Promise<void> {
  // Each rate is timed in a process of its own, and each ratio is the median of the ratios of
  // rounds run back to back (bench/rounds.ts): the machine has slow and fast spells of seconds,
  // and a ratio of two medians taken a minute apart read the spells as much as the engine
  // (SimPy alone read from 568k to 907k events/s across benches).
  const { off, on, heap, offPerHeap, simpy } = pairedRounds(EVENTS, RUNS);
  // One step() call per event, for reference, in this process after a discarded warm-up run
  // (the first long run of a path is deoptimised and recompiled partway).
  engineRate(EVENTS, false, 1, true);
  const stepwise = engineRate(EVENTS, false, RUNS, true);
  const bytes = bytesPerEvent(EVENTS);
  // The engine's and the bare heap's work counted rather than timed: what the engine does
  // besides queueing events is then a number that no spell of the machine moves.
  const instructions = await instructionsPerEvent();

  const rows: Row[] = [
    { what: 'engine, ping-pong 1,000 clients, trace off', value: off.rate, unit: 'events/s', budget: '>= 3,000,000', ok: off.rate >= 3_000_000 },
    { what: 'engine, ping-pong 1,000 clients, trace on', value: on.rate, unit: 'events/s', budget: '>= 1,500,000', ok: on.rate >= 1_500_000 },
    { what: 'engine, trace off, one step() call per event', value: stepwise.rate, unit: 'events/s', budget: '(reference)', ok: true },
    { what: 'bare heap push+pop (same load)', value: heap.rate, unit: 'ops/s', budget: '(reference)', ok: true },
    { what: 'engine (trace off) / bare heap', value: offPerHeap.ratio, unit: 'ratio', budget: '>= 0.8', ok: offPerHeap.ratio >= 0.8 },
    { what: 'heap per recorded trace event', value: bytes, unit: 'bytes', budget: '<= 40', ok: bytes <= 40 },
  ];
  if ('engine' in instructions) {
    rows.push(
      { what: 'instructions per event, engine (trace off)', value: instructions.engine, unit: 'instr', budget: '(reference, valgrind)', ok: true },
      { what: 'instructions per push+pop, bare heap', value: instructions.heap, unit: 'instr', budget: '(reference, valgrind)', ok: true },
      { what: 'instructions per push+pop, event queue alone', value: instructions.queue, unit: 'instr', budget: '(reference, valgrind)', ok: true },
      { what: 'bare heap / engine, by instructions', value: instructions.heap / instructions.engine, unit: 'ratio', budget: '(reference, valgrind)', ok: true },
    );
  }
  if ('rate' in simpy) {
    rows.push(
      { what: `SimPy ${simpy.version}, same ping-pong (python3)`, value: simpy.rate, unit: 'events/s', budget: '(reference)', ok: true },
      { what: 'engine (trace off) / SimPy', value: simpy.offRatio.ratio, unit: 'ratio', budget: '>= 8', ok: simpy.offRatio.ratio >= 8 },
      { what: 'engine (trace on) / SimPy', value: simpy.onRatio.ratio, unit: 'ratio', budget: '>= 4', ok: simpy.onRatio.ratio >= 4 },
    );
  }
  console.log(`Engine benchmark: ${EVENTS.toLocaleString('en-US')} events per run, median of ${RUNS} rounds, node ${process.version}\n`);
  for (const r of rows) {
    console.log(`${r.ok ? 'ok  ' : 'MISS'}  ${r.what.padEnd(46)} ${fmt(r.value).padStart(12)} ${r.unit.padEnd(9)} budget ${r.budget}`);
  }
  console.log(`\nrates (events/s) per round, each the median of 3 runs in a process of its own: trace off ${off.all.map(fmt).join(', ')}; trace on ${on.all.map(fmt).join(', ')}; bare heap ${heap.all.map(fmt).join(', ')}`);
  console.log(`stepwise ${stepwise.all.map(fmt).join(', ')}`);
  console.log(`ratios per round: off/heap ${offPerHeap.all.map(fmt).join(', ')}`);
  if ('rate' in simpy) console.log(`SimPy per round ${simpy.all.map(fmt).join(', ')}; off/SimPy ${simpy.offRatio.all.map(fmt).join(', ')}; on/SimPy ${simpy.onRatio.all.map(fmt).join(', ')}`);
  if ('missing' in simpy) console.log(`SimPy peer skipped: ${simpy.missing}`);
  if ('engine' in instructions) {
    const [engine, bare, queue] = [instructions.engine, instructions.heap, instructions.queue].map(Math.round);
    const at08 = Math.round(bare / 0.8);
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `instructions: ${n(queue)} of the engine's ${n(engine)} per event are its event queue's; at 0.8 × the bare heap (${n(bare)}) it would have ${n(at08)}, ${n(at08 - queue)} of them for all else (models, transport, loop), against ${n(engine - queue)} now`,
    );
  } else console.log(`Instruction counts skipped: ${instructions.missing}`);
  if (rows.some((r) => !r.ok)) {
    console.log('\nSome budgets were missed (see MISS above).');
    process.exitCode = 1;
  }
}

await main();
// The fault-schedule hunt on worker threads (wall time: it is about using every core).
console.log('\nHunt (worker threads, wall time):');
for (const f of await huntBench()) console.log(`      ${f.what.padEnd(46)} ${fmt(f.value).padStart(12)} ${f.unit}`);
// Then the UI in headless Chromium (bench/browser.ts); it prints its own figures.
if (!(await browserBench())) process.exitCode = 1;
