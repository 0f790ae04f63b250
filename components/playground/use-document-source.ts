'use client';

import { useEffect } from 'react';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { startAutosave } from '@/stores/persistence/autosave';
import { hasAutosave } from '@/stores/persistence/autosave-write';
import { tr } from './report-open';

export { reportOpen } from './report-open';

/**
 * Decides what the playground shows: a shared run (`#s=…&t=…`), a gallery link
 * (`#scenario=<id>`) or the visitor's autosaved work, then keeps autosaving. A link pasted into
 * the address bar of an open tab is handled the same way. A bad link is reported by name and
 * changes nothing.
 */
export function useDocumentSource(): void {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  useEffect(() => {
    let live = true;
    let stopAutosave: (() => void) | null = null;
    // Validating a link or saved work takes the parser: its code is fetched only when there is one.
    const fromHash = async (initial: boolean) => {
      if (!initial || location.hash.length > 1 || hasAutosave()) {
        const { openFromHash } = await import('./document-open');
        await openFromHash(playback, ui, initial, () => live);
      }
    };
    void fromHash(true).then(() => {
      // Only now: autosaving earlier would overwrite the saved work with the default scenario.
      if (live) stopAutosave = startAutosave(playback, { now: Date.now, onError: (e) => ui.getState().notify(tr('autosave-failed', { error: String(e) }), 'warn') });
    });
    const onHash = () => void fromHash(false);
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
      stopAutosave?.();
    };
  }, [playback, ui]);
}
