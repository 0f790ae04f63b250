'use client';

import { lazy, Suspense } from 'react';

// Only a crowded wire needs the shared dot canvas (and its worker): most scenarios never load it.
const MessageCanvas = lazy(() => import('./message-canvas').then((m) => ({ default: m.MessageCanvas })));

/** The messages of a crowded wire, painted on one canvas; its code loads the first time a wire gets crowded. */
export function CrowdedWire() {
  return (
    <Suspense fallback={null}>
      <MessageCanvas />
    </Suspense>
  );
}
