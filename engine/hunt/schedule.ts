import { p, type Phrase } from '../core/phrase';
import type { Intervention } from '../core/faults';
import { nextFloat, nextUint32, seedRng, type RngState } from '../core/rng';
import type { Scenario } from '../scenario/schema';

/** The kinds of fault a hunt draws from; the user may restrict it to some of them. */
export const FAULT_KINDS = ['crash', 'pause', 'partition', 'skew', 'loss', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One fault of a hunt's schedule. Faults with a duration end by themselves (a crashed node
 * restarts, a cut link heals, a lossy or slow link returns to its own parameters), so a
 * schedule never leaves the world broken for good unless the duration runs past the end.
 */
export type HuntFault =
  | { kind: 'crash'; node: string; at: number; durationMs: number }
  | { kind: 'pause'; node: string; at: number; durationMs: number }
  | { kind: 'skew'; node: string; at: number; deltaMs: number }
  | { kind: 'partition'; edge: string; at: number; durationMs: number }
  | { kind: 'loss'; edge: string; at: number; durationMs: number; loss: number }
  | { kind: 'delay'; edge: string; at: number; durationMs: number; extraLatencyMs: number };

/** What one run of a hunt plays: the simulation's seed and the faults injected. */
export interface Schedule {
  seed: number;
  faults: HuntFault[];
}

/** What the user chose: which kinds may be drawn and how many faults a run has at most. */
export interface Distribution {
  kinds: readonly FaultKind[];
  maxFaults: number;
}

export const DEFAULT_DISTRIBUTION: Distribution = { kinds: FAULT_KINDS, maxFaults: 3 };

/** Smallest duration drawn, and the step every time is rounded to (ms). */
export const MIN_DURATION_MS = 50;
export const TIME_STEP_MS = 10;

/**
 * The distribution in words, for the README, the CLI and the panel; `horizon` is the run's
 * length (the scenario's playback.untilMs).
 */
export function describeDistribution(d: Distribution, horizon: number): Phrase[] {
  return [
    p('hunt.distEach', { max: d.maxFaults, kinds: d.kinds.join(', ') }),
    p('hunt.distStart', { until: Math.round(horizon * 0.8), horizon, step: TIME_STEP_MS }),
    p('hunt.distDuration', { min: MIN_DURATION_MS, horizon }),
    p('hunt.distTarget'),
    p('hunt.distSkew', { min: MIN_DURATION_MS, horizon, step: TIME_STEP_MS, half: Math.round(horizon / 2) }),
    p('hunt.distSeed'),
  ];
}

/** A 32-bit mix of two integers (murmur3's finaliser on a combination), for per-run seeds. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul((b >>> 0) + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const round = (ms: number) => Math.round(ms / TIME_STEP_MS) * TIME_STEP_MS;
const pick = <T>(rng: RngState, xs: readonly T[]): T => xs[nextUint32(rng) % xs.length];
/** Log-uniform in [lo, hi]: short and long durations are drawn as often, order of magnitude for order of magnitude. */
const logUniform = (rng: RngState, lo: number, hi: number) => Math.exp(Math.log(lo) + nextFloat(rng) * (Math.log(Math.max(hi, lo)) - Math.log(lo)));

/** The kinds of `d` that have something to hit in `s`: node faults need nodes, link faults links. */
export function applicableKinds(s: Scenario, d: Distribution): FaultKind[] {
  return d.kinds.filter((k) => (k === 'partition' || k === 'loss' || k === 'delay' ? s.edges.length > 0 : s.nodes.length > 0));
}

/**
 * The schedule of run `index` of a hunt with seed `huntSeed`: a pure function of the three
 * inputs, so any worker computes the same run for the same index.
 */
export function scheduleFor(s: Scenario, d: Distribution, huntSeed: number, index: number): Schedule {
  const rng = seedRng(mixSeed(huntSeed, index));
  const seed = nextUint32(rng);
  const kinds = applicableKinds(s, d);
  const horizon = s.playback.untilMs;
  const n = kinds.length === 0 ? 0 : 1 + (nextUint32(rng) % Math.max(1, d.maxFaults));
  const faults: HuntFault[] = [];
  const nodes = s.nodes.map((x) => x.id);
  const edges = s.edges.map((e) => e.id);
  for (let i = 0; i < n; i++) {
    const kind = pick(rng, kinds);
    const at = round(nextFloat(rng) * horizon * 0.8);
    const durationMs = Math.max(MIN_DURATION_MS, round(logUniform(rng, MIN_DURATION_MS, horizon)));
    switch (kind) {
      case 'crash':
      case 'pause':
        faults.push({ kind, node: pick(rng, nodes), at, durationMs });
        break;
      case 'skew':
        faults.push({ kind, node: pick(rng, nodes), at, deltaMs: (nextFloat(rng) < 0.5 ? -1 : 1) * durationMs });
        break;
      case 'partition':
        faults.push({ kind, edge: pick(rng, edges), at, durationMs });
        break;
      case 'loss':
        faults.push({ kind, edge: pick(rng, edges), at, durationMs, loss: Math.round((0.1 + 0.9 * nextFloat(rng)) * 100) / 100 });
        break;
      case 'delay':
        faults.push({ kind, edge: pick(rng, edges), at, durationMs, extraLatencyMs: Math.max(TIME_STEP_MS, round(logUniform(rng, TIME_STEP_MS, horizon / 2))) });
        break;
    }
  }
  faults.sort((a, b) => a.at - b.at);
  return { seed, faults };
}

/**
 * The interventions that play `faults` in scenario `s`, in time order: a crash and its restart,
 * a cut and its heal, a link change and its undo back to the link's own loss and no extra latency.
 */
export function toInterventions(s: Scenario, faults: readonly HuntFault[]): Intervention[] {
  const out: Intervention[] = [];
  for (const f of faults) {
    switch (f.kind) {
      case 'crash':
        out.push({ at: f.at, kind: 'crash', node: f.node }, { at: f.at + f.durationMs, kind: 'restart', node: f.node });
        break;
      case 'pause':
        out.push({ at: f.at, kind: 'pause', node: f.node, durationMs: f.durationMs });
        break;
      case 'skew':
        out.push({ at: f.at, kind: 'skew', node: f.node, deltaMs: f.deltaMs });
        break;
      case 'partition':
        out.push({ at: f.at, kind: 'partition', edge: f.edge }, { at: f.at + f.durationMs, kind: 'heal', edge: f.edge });
        break;
      case 'loss': {
        const own = s.edges.find((e) => e.id === f.edge)?.params.loss ?? 0;
        out.push({ at: f.at, kind: 'link', edge: f.edge, loss: f.loss }, { at: f.at + f.durationMs, kind: 'link', edge: f.edge, loss: own });
        break;
      }
      case 'delay':
        out.push({ at: f.at, kind: 'link', edge: f.edge, extraLatencyMs: f.extraLatencyMs }, { at: f.at + f.durationMs, kind: 'link', edge: f.edge, extraLatencyMs: 0 });
        break;
    }
  }
  // Stable: ties keep the order above, so a fault's start comes before another's undo at the same time.
  return out.sort((a, b) => a.at - b.at);
}

/** One line for a fault, for the CLI and the panel. */
export function describeFault(f: HuntFault): Phrase {
  switch (f.kind) {
    case 'crash':
      return p('hunt.faultCrash', { node: f.node, at: f.at, ms: f.durationMs });
    case 'pause':
      return p('hunt.faultPause', { node: f.node, at: f.at, ms: f.durationMs });
    case 'skew':
      return p('hunt.faultSkew', { node: f.node, delta: `${f.deltaMs > 0 ? '+' : ''}${f.deltaMs}`, at: f.at });
    case 'partition':
      return p('hunt.faultCut', { edge: f.edge, at: f.at, ms: f.durationMs });
    case 'loss':
      return p('hunt.faultLoss', { edge: f.edge, pct: Math.round(f.loss * 100), at: f.at, ms: f.durationMs });
    case 'delay':
      return p('hunt.faultDelay', { edge: f.edge, extra: f.extraLatencyMs, at: f.at, ms: f.durationMs });
  }
}
