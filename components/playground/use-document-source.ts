'use client';

import { useEffect } from 'react';
import { p, type Arg, type Say } from '@/engine/core/phrase';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { startAutosave } from '@/stores/persistence/autosave';
import { hasAutosave } from '@/stores/persistence/autosave-write';
import type { OpenOutcome } from '@/stores/persistence/documents';
import type { UiStore } from '@/stores/ui-store';
import { joined } from '../i18n/joined';

/** A notice (`ui.playground.<key>`), kept as a phrase so it is rendered, in the reader's language, when shown. */
export const tr = (key: string, args?: Record<string, Arg>) => p(`ui.playground.${key}`, args);

/** Drops a consumed share payload from the address bar, so a reload restores the visitor's work. */
export function forgetHash() {
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Tells the visitor what opening did: where their edited work went, or why nothing opened.
 * An open superseded by a later one says nothing: the visitor changed their mind.
 */
export function reportOpen(ui: UiStore, what: Say, r: OpenOutcome): void {
  const u = ui.getState();
  if (!r.ok && r.superseded) return;
  if (!r.ok) {
    u.notify(tr('open-failed', { what, errors: joined(r.errors.slice(0, 3)) }), 'warn');
    return;
  }
  if (r.kept) u.notify(tr('open-kept', { name: r.kept }));
}

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
