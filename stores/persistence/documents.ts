import type { BuiltinScenario } from '@/engine/scenario/library';
import type { Scenario } from '@/engine/scenario/schema';
import { loadForOpen } from '../kind-loading';
import type { EditResult, PlaybackStore } from '../playback-store';

/**
 * What opening a document did with the work it replaced. `superseded`: nothing was opened
 * because the visitor asked for another document while this one's code was loading.
 */
export type OpenOutcome = EditResult & { kept?: string; keepError?: string; superseded?: true };

/** Time of day for names of stashed work ("Unsaved work, 14:05"). */
const clock = (now: number) => new Date(now).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Opens a scenario from outside (a shared link, a file, a saved one, the gallery) without
 * losing the visitor's own edits: edited work is first kept as a named save, which the outcome
 * names so the page can say where it went. Nothing is opened when keeping it fails. The
 * scenario's code is loaded first, and only then is the current work looked at, so edits made
 * while it loads are kept too. `doc` was validated once, where it was read.
 */
export async function openDocument(playback: PlaybackStore, doc: Scenario, opts: { entry?: BuiltinScenario | null; t?: number | null; now: number }): Promise<OpenOutcome> {
  const ready = await loadForOpen(playback, doc);
  if (!ready.ok) return ready;
  // Only edited work is stashed, so only then is the saves' code fetched (after which the
  // current state is read again: edits made meanwhile are kept too).
  const saves = playback.getState().edited ? await import('./records') : null;
  if (!ready.current()) return { ok: false, errors: [], superseded: true };
  const st = playback.getState();
  let kept: string | undefined;
  if (saves && st.edited && !saves.isSaved(st.scenario)) {
    const name = `${st.scenario.title} (unsaved work, ${clock(opts.now)})`;
    const saved = saves.addSave(name, st.scenario, st.time, opts.now);
    if (!saved.ok) return { ok: false, errors: [`your edited scenario could not be kept, so nothing was opened: ${saved.error}`] };
    kept = saved.value.name;
  }
  const r = playback.getState().open(doc, opts.entry ?? null, { t: opts.t ?? null });
  return r.ok ? { ok: true, kept } : r;
}
