'use client';

import { useEffect } from 'react';
import { p, type Arg, type Say } from '@/engine/core/phrase';
import { decodeShareHashLazy, isShareHash } from '@/engine/scenario/share-lazy';
import { loadForOpen } from '@/stores/kind-loading';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import type { PlaybackStore } from '@/stores/playback-store';
import { startAutosave } from '@/stores/persistence/autosave';
import { openDocument, type OpenOutcome } from '@/stores/persistence/documents';
import { loadAutosave } from '@/stores/persistence/autosave-record';
import { findEntry, loadEntry } from '@/stores/scenario-source';
import type { UiStore } from '@/stores/ui-store';
import { joined } from '../i18n/joined';

/** A notice (`ui.playground.<key>`), kept as a phrase so it is rendered, in the reader's language, when shown. */
const tr = (key: string, args?: Record<string, Arg>) => p(`ui.playground.${key}`, args);

/** Drops a consumed share payload from the address bar, so a reload restores the visitor's work. */
function forgetHash() {
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

/** Reopens the autosaved document; says so when it was damaged (it is kept aside, not deleted). */
async function restore(playback: PlaybackStore, ui: UiStore, hashEntryId: string | null): Promise<boolean> {
  const saved = loadAutosave();
  if (!saved.ok) {
    ui.getState().notify(tr('autosave-damaged', { error: saved.error }), 'warn');
    return false;
  }
  if (!saved.value) return false;
  const { record, scenario } = saved.value;
  // A gallery link to another scenario than the one being worked on opens that one instead.
  if (hashEntryId !== null && record.entryId !== hashEntryId) return false;
  const entry = record.entryId ? await findEntry(record.entryId) : undefined;
  const ready = await loadForOpen(playback, scenario);
  if (!ready.ok) {
    if (!ready.superseded) ui.getState().notify(tr('autosave-notLoaded', { error: ready.errors[0] }), 'warn');
    return false;
  }
  const r = playback.getState().open(scenario, entry ?? null, { t: record.t, edited: record.edited });
  return r.ok;
}

/** The gallery entry a `#scenario=<id>` link names. */
async function openEntry(playback: PlaybackStore, ui: UiStore, id: string): Promise<void> {
  const entry = await findEntry(id);
  if (!entry) {
    ui.getState().notify(tr('link-unknownScenario', { id: id.slice(0, 40) }), 'warn');
    return;
  }
  if (playback.getState().entry?.id === id && !playback.getState().edited) return;
  const loaded = loadEntry(entry);
  reportOpen(ui, tr('quoted', { name: p(`library.${entry.id}.title`) }), loaded.ok ? await openDocument(playback, loaded.scenario, { entry, now: Date.now() }) : loaded);
}

/**
 * Opens the sequence diagram as the link asks (`view=sequence`, `v=2`); a bad value is reported
 * by name. Its reader is fetched only for a link that says something about the diagram.
 */
async function showDiagram(playback: PlaybackStore, ui: UiStore, hash: string): Promise<void> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('view') && !params.has('v')) return;
  const { applySequenceLink, parseSequenceLink } = await import('@/stores/sequence-link');
  const { link, problems } = parseSequenceLink(hash);
  // `v=2` counts the whole run's violations: the look-ahead must have reached the end.
  if (link.violation !== null) playback.getState().finishLookAhead();
  const all = [...problems, ...applySequenceLink(link, playback.getState(), ui.getState())];
  if (all.length > 0) ui.getState().notify(tr('link-partIgnored', { problems: joined(all) }), 'warn');
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
    const fromHash = async (initial: boolean) => {
      const hash = location.hash;
      if (isShareHash(hash)) {
        forgetHash();
        // Decoding fetches the link codec meanwhile; the autosave is restored first either way.
        const decoding = decodeShareHashLazy(hash);
        if (initial) await restore(playback, ui, null);
        const shared = await decoding;
        if (!live || !shared) return;
        if (!shared.ok) reportOpen(ui, tr('thisLink'), shared);
        else {
          const opened = await openDocument(playback, shared.run.scenario, { t: shared.run.t, now: Date.now() });
          reportOpen(ui, tr('thisLink'), opened);
          if (opened.ok) await showDiagram(playback, ui, hash);
        }
        return;
      }
      const id = new URLSearchParams(location.hash.slice(1)).get('scenario');
      const restored = initial ? await restore(playback, ui, id) : false;
      if (live && id && !restored) await openEntry(playback, ui, id);
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
