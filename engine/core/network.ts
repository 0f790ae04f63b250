import { nextFloat, type RngState } from './rng';

/** How long a message takes on a link, before jitter. */
export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'normal'; meanMs: number; stdMs: number }
  | { kind: 'exponential'; meanMs: number };

/** Parameters of a link (an edge on the canvas). Links are bidirectional. */
export interface LinkParams {
  latency: Latency;
  /** Extra uniform delay in [0, jitterMs]. */
  jitterMs: number;
  /** Probability that a message is lost in transit. */
  loss: number;
  /** Probability that a message is delivered twice. */
  duplicate: number;
  /** Keep per-direction order, as a TCP connection does (jitter then never reorders). */
  fifo: boolean;
  /** The link starts cut. */
  partitioned: boolean;
}

export const DEFAULT_LINK: LinkParams = {
  latency: { kind: 'fixed', ms: 5 },
  jitterMs: 0,
  loss: 0,
  duplicate: 0,
  fifo: true,
  partitioned: false,
};

/** A link's run-time state: plain data, changed by faults. */
export interface LinkState {
  id: string;
  a: number;
  b: number;
  params: LinkParams;
  extraLatencyMs: number;
  /** Latest arrival time scheduled per direction (a->b, b->a), for FIFO order. */
  lastArrival: [number, number];
}

/** Draws one latency sample (jitter and extra latency included); never negative. */
export function sampleLatency(link: LinkState, rng: RngState): number {
  const p = link.params;
  const l = p.latency;
  let ms: number;
  switch (l.kind) {
    case 'fixed':
      ms = l.ms;
      break;
    case 'uniform':
      ms = l.minMs + (l.maxMs - l.minMs) * nextFloat(rng);
      break;
    case 'exponential':
      ms = -l.meanMs * Math.log(1 - nextFloat(rng));
      break;
    case 'normal': {
      // Box-Muller; both draws always taken so the stream does not depend on the branch.
      const u = 1 - nextFloat(rng);
      const v = nextFloat(rng);
      ms = l.meanMs + l.stdMs * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      break;
    }
  }
  if (p.jitterMs > 0) ms += p.jitterMs * nextFloat(rng);
  ms += link.extraLatencyMs;
  return ms > 0 ? ms : 0;
}
