'use client';

import { PlaybackProvider } from '@/stores/playback-context';
import { loadBuiltin } from '@/stores/scenario-source';
import { Header } from './header';
import { Player } from './player';
import { ScenarioError } from './scenario-error';

// Built-in scenarios are static data: validate once per page load, not per render.
const loaded = loadBuiltin();

/** The `/` page: the default scenario on the canvas, ready to play. */
export function Playground() {
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh">
      <Header title={loaded.ok ? loaded.entry.title : loaded.title} seed={loaded.ok ? loaded.scenario.seed : undefined} />
      {loaded.ok ? (
        <PlaybackProvider scenario={loaded.scenario}>
          <Player entry={loaded.entry} />
        </PlaybackProvider>
      ) : (
        <ScenarioError title={loaded.title} errors={loaded.errors} />
      )}
    </div>
  );
}
