'use client';

import { p } from '@/engine/core/phrase';
import { PlaybackProvider, useUiStore } from '@/stores/playback-context';
import { useLangSetup } from '../i18n/use-lang-setup';
import { loadEntry } from '@/stores/scenario-source';
import { ShowableGate } from '../ui/when-showable';
import { shipDefaultKinds } from './default-kinds';
import { Header } from './header';
import { Player } from './player';
import { FileDrop } from './file-drop';
import { ScenarioError } from './scenario-error';
import { useDocumentSource } from './use-document-source';

/** The page's language: a link's `lang=`, else the remembered or the browser's; a bad value is reported. */
function LangSetup() {
  const ui = useUiStore();
  useLangSetup((value) => ui.getState().notify(p('ui.i18n.badLang', { value, lang: p('ui.i18n.fallback') }), 'warn'));
  return null;
}

/** Where the document comes from and goes to (links, autosave): the playground only, never an embed. */
function DocumentSource() {
  useDocumentSource();
  return null;
}

// The default scenario's kinds come with this page; any other kind is fetched when a document
// needs it. Built-in scenarios are static data: validate once per page load, not per render.
shipDefaultKinds();
const loaded = loadEntry();

/**
 * The `/` page: the default scenario on the canvas, ready to play; the gallery opens others.
 * The player mounts once the default scenario's code is loaded (the store builds its simulation
 * synchronously): shipped with the page, so at once, unless the two fell out of step. A link or
 * autosaved work then opens over it, once its own kinds have arrived.
 */
export function Playground() {
  return (
    <div className="flex h-dvh flex-col">
      {loaded.ok ? (
        <ShowableGate scenario={loaded.scenario} failed={(error) => <ScenarioError title={loaded.entry.title} errors={[error]} />}>
          <PlaybackProvider scenario={loaded.scenario} entry={loaded.entry}>
            <LangSetup />
            <DocumentSource />
            <FileDrop />
            <Header />
            <Player />
          </PlaybackProvider>
        </ShowableGate>
      ) : (
        <ScenarioError title={loaded.title} errors={loaded.errors} />
      )}
    </div>
  );
}
