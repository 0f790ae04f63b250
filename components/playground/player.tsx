'use client';

import type { BuiltinScenario } from '@/engine/scenario/library';
import { FlowCanvas } from '../canvas/flow-canvas';
import { Caption } from '../panels/caption';
import { ControlsBar } from '../panels/controls-bar';
import { EventLog } from '../panels/event-log';
import { ScenarioNotes } from '../panels/scenario-notes';
import { usePlaybackLoop } from '../panels/use-playback-loop';
import { useShortcuts } from '../panels/use-shortcuts';

/**
 * Canvas, narration and controls for the scenario in the surrounding PlaybackProvider. On a
 * phone the canvas comes first, the narration scrolls below it and the controls stay pinned
 * to the bottom of the screen; from `md` up it is a fixed-height app with a side panel.
 */
export function Player({ entry }: { entry: BuiltinScenario }) {
  usePlaybackLoop();
  useShortcuts();
  return (
    <>
      <div className="flex flex-1 flex-col md:min-h-0 md:flex-row">
        <main className="relative h-[55dvh] min-h-72 border-b border-slate-200 md:h-auto md:min-h-0 md:flex-1 md:border-r md:border-b-0 dark:border-slate-800">
          <FlowCanvas />
        </main>
        <aside aria-label="Narration" className="flex flex-col bg-white md:min-h-0 md:w-96 md:shrink-0 dark:bg-slate-900">
          <Caption />
          <EventLog />
          <ScenarioNotes entry={entry} />
        </aside>
      </div>
      <ControlsBar />
    </>
  );
}
