'use client';

import { lazy, Suspense, type ComponentType } from 'react';
import { useUi } from '@/stores/playback-context';
import type { Dialog as DialogName } from '@/stores/ui-store';
import { preloadable } from '../ui/preloadable';
import { selectDialog } from '@/stores/ui-selectors';

// Loaded when first opened, to keep them out of the first page load. React.lazy rather than
// next/dynamic: a dialog is never server-rendered, and next/dynamic's loader costs the first
// page load more than React's own.
const embed = preloadable(() => import('./embed-dialog'));
const DIALOGS: Record<NonNullable<DialogName>, ComponentType> = {
  gallery: lazy(() => import('./gallery-dialog')),
  help: lazy(() => import('./help-dialog')),
  share: lazy(() => import('./share-dialog')),
  saves: lazy(() => import('./saves-dialog')),
  embed: embed.Component,
  hunt: lazy(() => import('../hunt/hunt-dialog')),
};

/** Fetches the Embed dialog ahead of a click (see usePrefetch). */
export function prefetchDialogs(): void {
  embed.preload();
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
