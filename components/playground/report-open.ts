import { p, type Arg, type Say } from '@/engine/core/phrase';
import type { OpenOutcome } from '@/stores/persistence/documents';
import type { UiStore } from '@/stores/ui-store';
import { joined } from '../i18n/joined';

// Telling the visitor what opening a document did: shared by the dialogs and by the opener of
// links and saved work (./document-open.ts, fetched only when there is one).

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
