import { narrate } from '../core/narrate';
import type { Simulation } from '../core/simulation';
import type { TraceEvent } from '../core/trace-types';
import { inEnglish } from '../i18n/english';

/** The narration of `ev` in English, as tests read it. */
export function narrateEn(sim: Simulation, ev: TraceEvent, labels: Readonly<Record<string, string>> = {}): string {
  return inEnglish(narrate(sim, ev, labels));
}
