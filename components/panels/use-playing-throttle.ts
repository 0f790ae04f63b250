'use client';

import { useEffect, useState } from 'react';
import { usePlaybackStore } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';

/** While playing, throttled readouts catch up with the cursor at most this often (ms of real time). */
const PLAYING_PERIOD_MS = 200;

/**
 * `select` of the playback state, for text that narrates the cursor (the caption, the log).
 * Paused, stepping or seeking, it follows at once. While playing it catches up a few times a
 * second instead of every frame: a busy run moves dozens of events a frame, nobody reads
 * them at that pace (a screen reader would be flooded), and re-laying out the side panel each
 * frame cost more than the rest of the page together.
 */
export function usePlayingThrottle<T>(select: (s: PlaybackState) => T): T {
  const playback = usePlaybackStore();
  const [value, setValue] = useState(() => select(playback.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = 0;
    const show = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      shownAt = performance.now();
      setValue(() => select(playback.getState()));
    };
    show();
    // `select` is not run per change: it may make what it returns when first asked (the
    // caption), and running it for each frame's state would make it for every frame.
    const stop = playback.subscribe((s) => {
      if (!s.playing) show();
      else if (timer === null) timer = setTimeout(show, Math.max(0, shownAt + PLAYING_PERIOD_MS - performance.now()));
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [playback, select]);
  return value;
}
