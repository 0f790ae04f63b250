'use client';

import { Suspense } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { withMessages } from '../i18n/use-i18n';
import { preloadable } from '../ui/preloadable';

// Guided mode's card (with its "try this" list and the vocabulary it explains terms with) loads
// when a tour starts, or ahead of that once the page is idle (usePrefetch).
const guide = preloadable(async () => ({ default: (await withMessages(import('../canvas/guide-card'))).GuideCard }));

/** Fetches the guide card ahead of a tour (see usePrefetch). */
export function prefetchGuide(): void {
  guide.preload();
}

const selectGuided = (s: { guided: boolean }) => s.guided;

/** The guide card while a tour is on. */
export function Guide() {
  const guided = usePlayback(selectGuided);
  return guided ? (
    <Suspense fallback={null}>
      <guide.Component />
    </Suspense>
  ) : null;
}
