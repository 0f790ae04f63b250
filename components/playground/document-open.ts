import { p } from '@/engine/core/phrase';
import { decodeShareHashLazy, isShareHash } from '@/engine/scenario/share-lazy';
import { loadForOpen } from '@/stores/kind-loading';
import type { PlaybackStore } from '@/stores/playback-store';
import { openDocument } from '@/stores/persistence/documents';
import { loadAutosave } from '@/stores/persistence/autosave-record';
import { findEntry, loadEntry } from '@/stores/scenario-source';
import type { UiStore } from '@/stores/ui-store';
import { joined } from '../i18n/joined';
import { forgetHash, reportOpen, tr } from './report-open';

// Opening what a link names or what the visitor saved: fetched only when the address has a
// link or something is saved (use-document-source.ts), since validating it takes the parser.

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
 * Opens what the address names — a shared run (`#s=…&t=…`) or a gallery link
 * (`#scenario=<id>`) — and, on the page's first load, the visitor's autosaved work first.
 * Stops short when `live()` turns false meanwhile (the page left the playground).
 */
export async function openFromHash(playback: PlaybackStore, ui: UiStore, initial: boolean, live: () => boolean): Promise<void> {
  const hash = location.hash;
  if (isShareHash(hash)) {
    forgetHash();
    // Decoding fetches the link codec meanwhile; the autosave is restored first either way.
    const decoding = decodeShareHashLazy(hash);
    if (initial) await restore(playback, ui, null);
    const shared = await decoding;
    if (!live() || !shared) return;
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
  if (live() && id && !restored) await openEntry(playback, ui, id);
}
