'use client';

import { createContext, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BuiltinScenario } from '@/engine/scenario/library';
import type { Scenario } from '@/engine/scenario/schema';
import { idleAfterPaint } from './after-paint';
import { followLabelLanguage } from './label-language';
import { createPlaybackStore, type PlaybackState, type PlaybackStore } from './playback-store';
import { createUiStore, type UiState, type UiStore } from './ui-store';

interface Stores {
  playback: PlaybackStore;
  ui: UiStore;
}

const PlaybackContext = createContext<Stores | null>(null);

/**
 * Keeps the UI consistent with the run: a highlight from the log lasts while the cursor stays
 * on its step, and a selection or menu for an element that an edit removed goes away.
 */
function linkStores({ playback, ui }: Stores): () => void {
  return playback.subscribe((s, prev) => {
    const u = ui.getState();
    if (u.focus && s.steps !== u.focus.step) u.setFocus(null);
    if (s.doc !== prev.doc) {
      // Another scenario: nothing of the old one's selection, menus or filters applies.
      u.select(null);
      u.pick([], []);
      u.closeMenu();
      u.setLogNode(null);
      u.setChainOf(null);
      return;
    }
    // A new run (an edit re-ran it) has other trace indexes: the chain shown was the old run's.
    if (s.run !== prev.run && u.chainOf !== null) u.setChainOf(null);
    if (s.scenario === prev.scenario) return;
    const exists = (r: { kind: 'node' | 'edge'; id: string } | null) =>
      r !== null && (r.kind === 'node' ? s.scenario.nodes.some((n) => n.id === r.id) : s.scenario.edges.some((e) => e.id === r.id));
    if (u.selection && !exists(u.selection)) u.select(null);
    if (u.menu && !exists(u.menu)) u.closeMenu();
    if (u.logNode && !s.scenario.nodes.some((n) => n.id === u.logNode)) u.setLogNode(null);
  });
}

/** Holds one playback store (and its UI store) for `scenario` and exposes them to the tree below. */
export function PlaybackProvider({ scenario, entry = null, children }: { scenario: Scenario; entry?: BuiltinScenario | null; children: ReactNode }) {
  // Lazy state, not a ref: the stores must be created once per mount and survive re-renders.
  // The page shows the scenario first and looks its run ahead after (the timeline fills in).
  const [stores] = useState<Stores>(() => ({ playback: createPlaybackStore(scenario, entry, { progressive: {} }), ui: createUiStore() }));
  useEffect(() => {
    // The test hook (and the English it reports in) is no part of the first paint.
    let live = true;
    let uninstall: (() => void) | undefined;
    const cancel = idleAfterPaint(() => {
      void import('./test-hook').then((m) => {
        if (live) uninstall = m.installTestHook(stores.playback);
      });
    });
    return () => {
      live = false;
      cancel();
      uninstall?.();
    };
  }, [stores]);
  useEffect(() => linkStores(stores), [stores]);
  // Before the first paint: a reader whose language was prepared (components/i18n/prepare-lang.ts)
  // sees the labels in it from the start, never the scenario's English first.
  useLayoutEffect(() => followLabelLanguage(stores.playback), [stores]);
  // A player that leaves the page stops looking its run ahead; strict mode's remount resumes it.
  useEffect(() => {
    stores.playback.getState().resumeLookAhead();
    return () => stores.playback.getState().pauseLookAhead();
  }, [stores]);
  return <PlaybackContext.Provider value={stores}>{children}</PlaybackContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(PlaybackContext);
  if (!stores) throw new Error('playback hooks must be used inside <PlaybackProvider>');
  return stores;
}

/** The playback store itself, for imperative use (the rAF loop, keyboard commands). */
export function usePlaybackStore(): PlaybackStore {
  return useStores().playback;
}

/** The UI store itself, for imperative use. */
export function useUiStore(): UiStore {
  return useStores().ui;
}

/** Subscribes to a slice of the playback state; wrap object-returning selectors in useShallow. */
export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(useStores().playback, selector);
}

/** Subscribes to a slice of the UI state; wrap object-returning selectors in useShallow. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}
