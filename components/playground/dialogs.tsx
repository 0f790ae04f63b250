'use client';

import { Suspense, type ComponentType } from 'react';
import { useUi } from '@/stores/playback-context';
import type { Dialog as DialogName } from '@/stores/ui-store';
import { withMessages } from '../i18n/use-i18n';
import { preloadable } from '../ui/preloadable';
import { selectDialog } from '@/stores/ui-selectors';

// Loaded when first opened, or ahead of a click once the page is idle (usePrefetch), to keep
// them out of the first page load; each with the rest of the catalog, which dialogs draw on
// (the gallery's topics and terms, the hunt's faults). React.lazy rather than next/dynamic: a
// dialog is never server-rendered, and next/dynamic's loader costs the first page load more
// than React's own.
const loaders = {
  gallery: preloadable(() => withMessages(import('./gallery-dialog'))),
  help: preloadable(() => withMessages(import('./help-dialog'))),
  share: preloadable(() => withMessages(import('./share-dialog'))),
  saves: preloadable(() => withMessages(import('./saves-dialog'))),
  embed: preloadable(() => withMessages(import('./embed-dialog'))),
  hunt: preloadable(() => withMessages(import('../hunt/hunt-dialog'))),
} satisfies Record<NonNullable<DialogName>, unknown>;
const DIALOGS: Record<NonNullable<DialogName>, ComponentType> = Object.fromEntries(Object.entries(loaders).map(([k, l]) => [k, l.Component])) as Record<NonNullable<DialogName>, ComponentType>;

/** Fetches every dialog ahead of a click (see usePrefetch). */
export function prefetchDialogs(): void {
  for (const l of Object.values(loaders)) l.preload();
}

/** Whichever dialog is open. */
export function Dialogs() {
  const dialog = useUi(selectDialog);
  const Dialog = dialog ? DIALOGS[dialog] : undefined;
  // Nothing shows while a dialog's code arrives (a moment; it was asked for by a click).
  return Dialog ? (
    <Suspense fallback={null}>
      <Dialog />
    </Suspense>
  ) : null;
}
