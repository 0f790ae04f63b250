'use client';

import { useEffect } from 'react';
import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { Pacer } from '@/stores/pacing';
import { selectPlaying } from '@/stores/selectors';

/** A frame longer than this (a background tab, a debugger stop) counts as this long. */
const MAX_FRAME_MS = 100;

/**
 * While playing, advances virtual time on every animation frame by real elapsed time × speed,
 * paced (stores/pacing.ts): slower while messages fly, so each takes a readable time to cross,
 * and faster through stretches with nothing on the wire.
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
    const pacer = new Pacer();
    const tick = (ts: number) => {
      const s = store.getState();
      if (!s.playing) return;
      if (last !== null && ui.getState().menu === null) s.advance(pacer.advance(Math.min(ts - last, MAX_FRAME_MS), { speed: s.speed, now: s.time, inFlight: s.inFlight, next: s.sim.peek() }));
      last = ts;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, store, ui]);
}
