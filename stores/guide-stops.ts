import type { Simulation } from '@/engine/core/simulation';
import { findStops, type FoundStop, type Guide } from '@/engine/scenario/guide';

// Apart from guide.ts (the selectors), so the playback store can halt at stops without a cycle.

const found = new WeakMap<Simulation, { guide: Guide; stops: FoundStop[] }>();

/**
 * Where the open scenario's guide stops in this run (cached per run). The store finishes its
 * look-ahead before guided mode plays (a stop is the first match after the one before, so a
 * partial trace could match a later stop early), so the whole trace is there to search.
 */
export function guideStops(sim: Simulation, guide: Guide | undefined): readonly FoundStop[] {
  if (!guide) return [];
  const hit = found.get(sim);
  if (hit && hit.guide === guide) return hit.stops;
  const stops = findStops(guide, sim.trace);
  found.set(sim, { guide, stops });
  return stops;
}

/** The first stop the cursor has not yet passed (processed fewer than `steps` events). */
export function nextStop(stops: readonly FoundStop[], steps: number): FoundStop | undefined {
  return stops.find((x) => x.step >= steps);
}

