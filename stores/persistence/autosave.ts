import type { PlaybackState, PlaybackStore } from '../playback-store';
import { saveAutosave } from './autosave-write';

/** Quiet time before a change is written (edits come in bursts: dragging, typing). */
const DELAY_MS = 600;

/**
 * Keeps the open document in localStorage: written shortly after it changes or the cursor
 * stops, and at once when the page is hidden. Returns a stop function. `onError` hears why a
 * write failed (once per distinct reason, so a full storage doesn't nag on every change).
 */
export function startAutosave(playback: PlaybackStore, opts: { now: () => number; onError?: (error: string) => void }): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError = '';
  const write = () => {
    timer = null;
    const s = playback.getState();
    const r = saveAutosave({ t: s.time, entryId: s.entry?.id ?? null, edited: s.edited, scenario: s.scenario }, opts.now());
    if (!r.ok && r.error !== lastError) opts.onError?.(r.error);
    lastError = r.ok ? '' : r.error;
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, DELAY_MS);
  };
  const relevant = (s: PlaybackState, p: PlaybackState) => s.scenario !== p.scenario || s.doc !== p.doc || (!s.playing && s.time !== p.time) || s.playing !== p.playing;
  const unsubscribe = playback.subscribe((s, p) => {
    if (relevant(s, p)) schedule();
  });
  const flush = () => {
    if (document.visibilityState === 'hidden' && timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
  document.addEventListener('visibilitychange', flush);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', flush);
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
}
