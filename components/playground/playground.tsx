'use client';

import { PlaybackProvider } from '@/stores/playback-context';
import { loadEntry } from '@/stores/scenario-source';
import { Header } from './header';
import { Player } from './player';
import { ScenarioError } from './scenario-error';

// Built-in scenarios are static data: validate once per page load, not per render.
const loaded = loadEntry();

/** The `/` page: the default scenario on the canvas, ready to play; the gallery opens others. */
export function Playground() {
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh">
      {loaded.ok ? (
        <PlaybackProvider scenario={loaded.scenario} entry={loaded.entry}>
          <Header />
          <Player />
        </PlaybackProvider>
      ) : (
        <ScenarioError title={loaded.title} errors={loaded.errors} />
      )}
    </div>
  );
}
