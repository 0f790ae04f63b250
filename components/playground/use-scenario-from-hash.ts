'use client';

import { useEffect } from 'react';
import { usePlaybackStore } from '@/stores/playback-context';
import { findEntry } from '@/stores/scenario-source';

/**
 * Opens the gallery scenario the address names (`#scenario=zk-basics`), so a link to one works.
 * The static page always renders the default first; this swaps it in right after.
 */
export function useScenarioFromHash(): void {
  const playback = usePlaybackStore();
  useEffect(() => {
    const id = new URLSearchParams(location.hash.slice(1)).get('scenario');
    if (!id || playback.getState().entry?.id === id) return;
    let live = true;
    void findEntry(id).then((entry) => {
      if (live && entry) playback.getState().open(entry.scenario, entry);
    });
    return () => {
      live = false;
    };
  }, [playback]);
}
