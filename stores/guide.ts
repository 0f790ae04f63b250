import type { Simulation } from '@/engine/core/simulation';
import type { FoundStop, GuideLang } from '@/engine/scenario/guide';
import { guideStops, nextStop } from './guide-stops';
import type { PlaybackState } from './playback-store';

/** The language guides are shown in (one until the translation lands). */
const LANG: GuideLang = 'en';

/** What the guide card shows. */
export interface GuideView {
  /** The stop the cursor halted at (null before the first, or after a scrub). */
  stop: FoundStop | null;
  /** Its position, 1-based, and how many there are. */
  index: number;
  count: number;
  /** Its caption in English; the reader's language has it as `library.<entryId>.guide-<stop id>`. */
  caption: string | null;
  /** The built-in the guide belongs to. */
  entryId: string | null;
  /** Every stop has been passed. */
  done: boolean;
}

const views = new WeakMap<Simulation, { steps: number; at: number | null; view: GuideView }>();

/** The guide card's content, or null when guided mode is off (the same object while nothing moved). */
export function selectGuide(s: PlaybackState): GuideView | null {
  if (!s.guided) return null;
  const hit = views.get(s.sim);
  if (hit && hit.steps === s.steps && hit.at === s.guideAt) return hit.view;
  const stops = guideStops(s.sim, s.entry?.guide);
  const k = s.guideAt === null ? -1 : stops.findIndex((x) => x.i === s.guideAt);
  const stop = k < 0 ? null : stops[k];
  const view: GuideView = {
    stop,
    index: k + 1,
    count: stops.length,
    caption: stop ? (s.entry?.guide?.text[LANG][stop.id] ?? null) : null,
    entryId: s.entry?.id ?? null,
    done: nextStop(stops, s.steps) === undefined,
  };
  views.set(s.sim, { steps: s.steps, at: s.guideAt, view });
  return view;
}

/** Whether the guide is pointing at node `id` now. */
export function selectGuideFocus(s: PlaybackState, id: string): boolean {
  if (!s.guided || s.guideAt === null) return false;
  return guideStops(s.sim, s.entry?.guide).some((x) => x.i === s.guideAt && x.node === id);
}
