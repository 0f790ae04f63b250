'use client';

import { useEffect } from 'react';
import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { selectPlaying } from '@/stores/selectors';

/** A frame longer than this (a background tab, a debugger stop) counts as this long. */
const MAX_FRAME_MS = 100;

/**
 * While playing, advances virtual time by real elapsed time × speed on every animation frame.
 * Time stands still while a fault menu is open, so a fault lands when it was chosen (the run
 * goes on from there once the menu closes). Reduced motion changes how messages are drawn, not
 * whether time moves.
 */
export function usePlaybackLoop(): void {
  const store = usePlaybackStore();
  const ui = useUiStore();
  const playing = usePlayback(selectPlaying);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last: number | null = null;
    const tick = (ts: number) => {
      const s = store.getState();
      if (!s.playing) return;
      if (last !== null && ui.getState().menu === null) s.advance(Math.min(ts - last, MAX_FRAME_MS) * s.speed);
      last = ts;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, store, ui]);
}
