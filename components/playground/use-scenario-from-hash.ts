'use client';

import { useEffect } from 'react';
import { builtin } from '@/engine/scenario/library';
import { usePlaybackStore } from '@/stores/playback-context';

/**
 * Opens the gallery scenario the address names (`#scenario=zk-basics`), so a link to one works.
 * The static page always renders the default first; this swaps it in right after.
 */
export function useScenarioFromHash(): void {
  const playback = usePlaybackStore();
  useEffect(() => {
    const id = new URLSearchParams(location.hash.slice(1)).get('scenario');
    const entry = id ? builtin(id) : undefined;
    if (entry && playback.getState().entry?.id !== entry.id) playback.getState().open(entry.scenario, entry);
  }, [playback]);
}
