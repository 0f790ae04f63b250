import { EventHeap } from '@/engine/core/heap';
import type { Msg } from '@/engine/core/msg';
import { EventQueue } from '@/engine/core/queue';
import { nextFloat, seedRng } from '@/engine/core/rng';
import { Simulation } from '@/engine/core/simulation';
import { pingPongModels, pingPongSpec } from './ping-pong';

const CLIENTS = 1000;

/**
 * Wall-clock seconds. Rates are per wall-second: process CPU time also counts V8's parallel GC
 * threads, which made the engine look half as fast as it is, and SimPy, its peer, is timed on
 * the wall clock too. Noise from other processes is met with medians and with ratios measured
 * in the same minute.
 */
export function wallSeconds(): number {
  return performance.now() / 1000;
}

/**
 * Collects what earlier runs left behind, when node runs with --expose-gc (the bench does), so
 * that a timed run pays for its own collections only, whatever ran before it: a run with the
 * trace on leaves about 25 MB, whose collection otherwise fell inside the next run's time.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Virtual ms the engine is advanced by per call in the ping-pong: about 1,800 events. */
const SLICE_MS = 10;

/**
 * Events per second of the ping-pong run (1,000 clients), at least `events` events, median of
 * `runs`. The engine is advanced as the player advances it, by virtual time (`runUntil`, one
 * slice of SLICE_MS at a time), as its peer SimPy is timed running `simulate(until=...)`.
 * `stepwise` takes one event per call instead (`step`, the Step button's way), which adds the
 * cost of a call to each event.
 */
export function engineRate(events: number, record: boolean, runs: number, stepwise = false): { rate: number; all: number[] } {
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const sim = new Simulation(pingPongSpec(CLIENTS), pingPongModels, { record, snapshotEvery: 0 });
    collectGarbage();
    const t0 = wallSeconds();
    let n = 0;
    if (stepwise) while (n < events && sim.step()) n++;
    else for (let t = SLICE_MS; n < events; t += SLICE_MS) n += sim.runUntil(t);
    all.push(n / (wallSeconds() - t0));
  }
  return { rate: median(all), all };
}

/**
 * The bare heap doing what the engine's heap does in that run: `CLIENTS` items in flight, each
 * pop followed by a push of a fresh item 1-10 ms later. The engine's rate over this is the
 * fraction of time not spent in the priority queue.
 */
export function heapRate(ops: number, runs: number): { rate: number; all: number[] } {
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const heap = new EventHeap<{ n: number; t: number }>(1024);
    const rng = seedRng(1);
    let seq = 0;
    for (let i = 0; i < CLIENTS; i++) heap.push(nextFloat(rng) * 10, seq++, { n: i, t: 0 });
    collectGarbage();
    const t0 = wallSeconds();
    for (let i = 0; i < ops; i++) {
      const t = heap.peekTime();
      const it = heap.pop()!;
      heap.push(t + 1 + 9 * nextFloat(rng), seq++, { n: it.n, t });
    }
    all.push(ops / (wallSeconds() - t0));
  }
  return { rate: median(all), all };
}

/**
 * The engine's own event queue doing that run's pushes and pops and nothing else: each popped
 * message is sent straight back on its link, 1-10 ms later, with no model, no transport and no
 * allocation. The engine's rate over this is the fraction of its time that handling an event
 * (rather than queueing it) leaves; this over the bare heap is the most the engine's ratio to
 * the bare heap could be.
 */
export function queueRate(ops: number, runs: number): { rate: number; all: number[] } {
  const all: number[] = [];
  const msg: Msg = { type: 'ping' };
  for (let r = 0; r < runs; r++) {
    const q = new EventQueue(1024);
    const rng = seedRng(1);
    let seq = 0;
    for (let i = 0; i < CLIENTS; i++) q.pushMsg(nextFloat(rng) * 10, seq++, false, i, 0, i, 0, msg, 0, -1);
    collectGarbage();
    const t0 = wallSeconds();
    for (let i = 0; i < ops; i++) {
      const t = q.peekTime();
      const s = q.popSlot();
      q.pushMsg(t + 1 + 9 * nextFloat(rng), seq++, false, q.node[s], 0, q.link[s], t, msg, 0, -1);
      q.release(s);
    }
    all.push(ops / (wallSeconds() - t0));
  }
  return { rate: median(all), all };
}

const used = () => {
  const m = process.memoryUsage();
  // The trace's columns are typed arrays, whose bytes live outside the JS heap.
  return m.heapUsed + m.arrayBuffers;
};

/** Bytes retained per recorded trace event, payloads included (needs --expose-gc). */
export function bytesPerEvent(events: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  const sim = new Simulation(pingPongSpec(CLIENTS), pingPongModels, { record: false, snapshotEvery: 0 });
  const recorded = new Simulation(pingPongSpec(CLIENTS), pingPongModels, { record: true, snapshotEvery: 0 });
  gc();
  const before = used();
  let n = 0;
  while (n < events && recorded.step()) n++;
  gc();
  const after = used();
  // Keep both alive across the measurement; `sim` cancels out the world's own size.
  if (sim.steps < 0 || recorded.trace.length === 0) throw new Error('unreachable');
  return (after - before) / recorded.trace.length;
}

/** The middle value of `xs` (the upper middle when their number is even). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
