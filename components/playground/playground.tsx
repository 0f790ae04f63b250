'use client';

import { p } from '@/engine/core/phrase';
import { DEFAULT_ENTRY, DEFAULT_SCENARIO } from '@/engine/scenario/default-scenario';
import { PlaybackProvider, useUiStore } from '@/stores/playback-context';
import { useLangSetup } from '../i18n/use-lang-setup';
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
// needs it. The scenario itself was validated ahead of time (default-scenario.ts), so the first
// paint waits for neither zod nor the parser.
shipDefaultKinds();

/**
 * The `/` page: the default scenario on the canvas, ready to play; the gallery opens others.
 * The player mounts once the default scenario's code is loaded (the store builds its simulation
 * synchronously): shipped with the page, so at once, unless the two fell out of step. A link or
 * autosaved work then opens over it, once its own kinds have arrived.
 */
export function Playground() {
  return (
    <div className="flex h-dvh flex-col">
      <ShowableGate scenario={DEFAULT_SCENARIO} failed={(error) => <ScenarioError title={DEFAULT_ENTRY.title} errors={[error]} />}>
        <PlaybackProvider scenario={DEFAULT_SCENARIO} entry={DEFAULT_ENTRY}>
          <LangSetup />
          <DocumentSource />
          <FileDrop />
          <Header />
          <Player />
        </PlaybackProvider>
      </ShowableGate>
    </div>
  );
}
