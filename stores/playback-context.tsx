'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '@/engine/scenario/schema';
import { createPlaybackStore, type PlaybackState, type PlaybackStore } from './playback-store';
import { installTestHook } from './test-hook';

const PlaybackContext = createContext<PlaybackStore | null>(null);

/** Holds one playback store for `scenario` and exposes it to the tree below. */
export function PlaybackProvider({ scenario, children }: { scenario: Scenario; children: ReactNode }) {
  // Lazy state, not a ref: the store must be created once per mount and survive re-renders.
  const [store] = useState(() => createPlaybackStore(scenario));
  useEffect(() => installTestHook(store), [store]);
  return <PlaybackContext.Provider value={store}>{children}</PlaybackContext.Provider>;
}

/** The store itself, for imperative use (the rAF loop, keyboard commands). */
export function usePlaybackStore(): PlaybackStore {
  const store = useContext(PlaybackContext);
  if (!store) throw new Error('usePlaybackStore must be used inside <PlaybackProvider>');
  return store;
}

/** Subscribes to a slice of the playback state; wrap object-returning selectors in useShallow. */
export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(usePlaybackStore(), selector);
}
