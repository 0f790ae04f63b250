/**
 * Which stretch of time the diagram shows: all of the run so far (`span` null), or `span` ms
 * ending at the cursor (`end` null: it follows playback) or at a fixed `end`.
 */
export interface SeqView {
  span: number | null;
  end: number | null;
}

/** The least span the diagram zooms to (ms). */
const MIN_SPAN = 0.5;

/** The visible range [v0, v1] of `view` with the cursor at `now`, in a run of `until` ms. */
export function rangeOf(view: SeqView, now: number, until: number): [number, number] {
  if (view.span === null) return [0, Math.max(now, 1)];
  const end = view.end ?? Math.max(now, view.span);
  const v1 = Math.min(Math.max(end, view.span), Math.max(until, now));
  return [Math.max(0, v1 - view.span), v1];
}

/** `view` zoomed by `factor` (< 1: in) keeping time `at` at the same place on screen. */
export function zoomed(view: SeqView, now: number, until: number, factor: number, at?: number): SeqView {
  const [v0, v1] = rangeOf(view, now, until);
  const span = Math.max(MIN_SPAN, Math.min(Math.max(until, now), (v1 - v0) * factor));
  const pivot = at ?? (now >= v0 && now <= v1 ? now : (v0 + v1) / 2);
  const share = v1 > v0 ? (pivot - v0) / (v1 - v0) : 1;
  const start = Math.max(0, pivot - share * span);
  const end = start + span;
  return { span, end: end >= now && view.end === null ? null : end };
}

/** `view` moved by `dt` ms (positive: later); reaching the cursor it follows it again. */
export function panned(view: SeqView, now: number, until: number, dt: number): SeqView {
  const [v0, v1] = rangeOf(view, now, until);
  const span = v1 - v0;
  const end = Math.min(Math.max(span, v1 + dt), Math.max(until, now));
  return { span, end: end >= now ? null : end };
}
