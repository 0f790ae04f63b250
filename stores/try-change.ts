import { applyChange, type ScenarioChange } from '@/engine/scenario/change';
import { openDocument, type OpenOutcome } from './persistence/documents';
import type { PlaybackStore } from './playback-store';
import { findEntry, loadEntry } from './scenario-source';

/**
 * Tries a "try this" item: opens the built-in it names, or applies its change to the open
 * scenario as an ordinary edit (undo takes it back); then replays from the start. In guided
 * mode the replay is guided too, so the visitor sees the same moments turn out differently.
 */
export async function tryChange(playback: PlaybackStore, change: ScenarioChange, now = Date.now()): Promise<OpenOutcome> {
  const guided = playback.getState().guided;
  if (change.open) {
    const entry = await findEntry(change.open);
    if (!entry) return { ok: false, errors: [`there is no built-in scenario “${change.open}”`] };
    const loaded = loadEntry(entry);
    if (!loaded.ok) return loaded;
    const r = await openDocument(playback, loaded.scenario, { entry, now });
    if (r.ok) replay(playback, guided);
    return r;
  }
  const st = playback.getState();
  const r = st.apply(applyChange(st.scenario, change));
  if (r.ok) replay(playback, guided);
  return r;
}

function replay(playback: PlaybackStore, guided: boolean): void {
  const st = playback.getState();
  if (guided && st.entry?.guide) {
    st.setGuided(true);
    return;
  }
  st.restart();
  st.play();
}
