'use client';

import { Suspense } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { FlowCanvas } from '../canvas/flow-canvas';
import { withMessages } from '../i18n/use-i18n';
import { preloadable } from '../ui/preloadable';
import { WatchFor } from '../canvas/watch-for';
import { ControlsBar } from '../panels/controls-bar';
import { RateChartPanel } from '../panels/rate-chart';
import { SidePanel } from '../panels/side-panel';
import { usePlaybackLoop } from '../panels/use-playback-loop';
import { useShortcuts } from '../panels/use-shortcuts';
import { SequenceDock } from '../sequence/sequence-dock';
import { Dialogs } from './dialogs';
import { usePrefetch } from './use-prefetch';

// Guided mode's card (with its "try this" list and the vocabulary it explains terms with) loads
// when a tour starts, or ahead of that once the page is idle (usePrefetch).
const guide = preloadable(async () => ({ default: (await withMessages(import('../canvas/guide-card'))).GuideCard }));

/** Fetches the guide card ahead of a tour (see usePrefetch). */
export function prefetchGuide(): void {
  guide.preload();
}

const selectGuided = (s: { guided: boolean }) => s.guided;

/** The guide card while a tour is on. */
function Guide() {
  const guided = usePlayback(selectGuided);
  return guided ? (
    <Suspense fallback={null}>
      <guide.Component />
    </Suspense>
  ) : null;
}

/**
 * Canvas, narration and controls for the scenario in the surrounding PlaybackProvider, as a
 * fixed-height app: from `md` up with a side panel; on a phone the canvas fills the screen
 * under a one-line "watch for", the panel is a bottom sheet over it and the controls sit below.
 */
export function Player() {
  usePlaybackLoop();
  useShortcuts();
  usePrefetch();
  return (
    <>
      <div className="relative flex min-h-0 flex-1 flex-col md:flex-row">
        <main className="flex min-h-0 flex-1 flex-col md:border-r dark:border-slate-800">
          <WatchFor />
          {/* On a phone the chart sits above the canvas: below it, the bottom sheet would cover it. */}
          <div className="relative order-2 min-h-0 flex-1">
            <FlowCanvas />
            <Guide />
          </div>
          <RateChartPanel />
          <SequenceDock />
        </main>
        <SidePanel />
      </div>
      <div className="z-10 shrink-0">
        <ControlsBar />
      </div>
      <Dialogs />
    </>
  );
}
