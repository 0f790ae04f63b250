'use client';

import { PlaybackProvider } from '@/stores/playback-context';
import { loadEntry } from '@/stores/scenario-source';
import { Header } from './header';
import { Player } from './player';
import { FileDrop } from './file-drop';
import { ScenarioError } from './scenario-error';
import { useDocumentSource } from './use-document-source';

/** Where the document comes from and goes to (links, autosave): the playground only, never an embed. */
function DocumentSource() {
  useDocumentSource();
  return null;
}

// Built-in scenarios are static data: validate once per page load, not per render.
const loaded = loadEntry();

/** The `/` page: the default scenario on the canvas, ready to play; the gallery opens others. */
export function Playground() {
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh">
      {loaded.ok ? (
        <PlaybackProvider scenario={loaded.scenario} entry={loaded.entry}>
          <DocumentSource />
          <FileDrop />
          <Header />
          <Player />
        </PlaybackProvider>
      ) : (
        <ScenarioError title={loaded.title} errors={loaded.errors} />
      )}
    </div>
  );
}
