'use client';

import { FlowCanvas } from '../canvas/flow-canvas';
import { WatchFor } from '../canvas/watch-for';
import { ControlsBar } from '../panels/controls-bar';
import { RateChartPanel } from '../panels/rate-chart';
import { SidePanel } from '../panels/side-panel';
import { usePlaybackLoop } from '../panels/use-playback-loop';
import { useShortcuts } from '../panels/use-shortcuts';
import { SequenceDock } from '../sequence/sequence-dock';
import { Dialogs } from './dialogs';
import { Guide } from './guide-lazy';
import { usePrefetch } from './use-prefetch';

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
