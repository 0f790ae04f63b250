'use client';

import { useCallback } from 'react';
import { p } from '@/engine/core/phrase';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { openDocument } from '@/stores/persistence/documents';
import { reportOpen } from './use-document-source';

/**
 * Opens a scenario file (picked or dropped). A bad file is reported by name with what is wrong
 * and changes nothing; edited work it replaces is kept as a named save first.
 */
export function useImportFile(): (file: File) => Promise<boolean> {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  return useCallback(
    async (file: File) => {
      // The file reader is fetched with the first file: most visits never open one.
      const { readScenarioFile } = await import('@/stores/persistence/files');
      const read = await readScenarioFile(file);
      const what = p('ui.playground.quoted', { name: file.name.slice(0, 60) });
      const r = read.ok ? await openDocument(playback, read.scenario, { now: Date.now() }) : read;
      reportOpen(ui, what, r);
      if (r.ok) ui.getState().notify(p('ui.playground.opened', { what }));
      return r.ok;
    },
    [playback, ui],
  );
}
