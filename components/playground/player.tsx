'use client';

import { FlowCanvas } from '../canvas/flow-canvas';
import { ControlsBar } from '../panels/controls-bar';
import { SidePanel } from '../panels/side-panel';
import { usePlaybackLoop } from '../panels/use-playback-loop';
import { useShortcuts } from '../panels/use-shortcuts';
import { Dialogs } from './dialogs';

/**
 * Canvas, narration and controls for the scenario in the surrounding PlaybackProvider. On a
 * phone the canvas comes first, the panel's tabs scroll below it and the controls stay pinned
 * to the bottom of the screen; from `md` up it is a fixed-height app with a side panel.
 */
export function Player() {
  usePlaybackLoop();
  useShortcuts();
  return (
    <>
      <div className="flex flex-1 flex-col md:min-h-0 md:flex-row">
        <main className="relative h-[58dvh] min-h-80 border-b border-slate-200 md:h-auto md:min-h-0 md:flex-1 md:border-r md:border-b-0 dark:border-slate-800">
          <FlowCanvas />
        </main>
        <SidePanel />
      </div>
      <div className="sticky bottom-0 z-10">
        <ControlsBar />
      </div>
      <Dialogs />
    </>
  );
}
