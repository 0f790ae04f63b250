import type { BuiltinScenario } from '@/engine/scenario/library';
import type { EditResult, PlaybackStore } from '../playback-store';
import { addSave, isSaved } from './records';

/** What opening a document did with the work it replaced. */
export type OpenOutcome = EditResult & { kept?: string; keepError?: string };

/** Time of day for names of stashed work ("Unsaved work, 14:05"). */
const clock = (now: number) => new Date(now).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Opens a scenario from outside (a shared link, a file, a saved one, the gallery) without
 * losing the visitor's own edits: edited work is first kept as a named save, which the outcome
 * names so the page can say where it went. Nothing is opened when keeping it fails.
 */
export function openDocument(playback: PlaybackStore, input: unknown, opts: { entry?: BuiltinScenario | null; t?: number | null; now: number }): OpenOutcome {
  const st = playback.getState();
  let kept: string | undefined;
  if (st.edited && !isSaved(st.scenario)) {
    const name = `${st.scenario.title} (unsaved work, ${clock(opts.now)})`;
    const saved = addSave(name, st.scenario, st.time, opts.now);
    if (!saved.ok) return { ok: false, errors: [`your edited scenario could not be kept, so nothing was opened: ${saved.error}`] };
    kept = saved.value.name;
  }
  const r = playback.getState().open(input, opts.entry ?? null, { t: opts.t ?? null });
  return r.ok ? { ok: true, kept } : r;
}
