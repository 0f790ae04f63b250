'use client';

import { createContext, useContext, useState } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { CROWDED_WIRE } from '@/stores/pacing';
import type { PlaybackState } from '@/stores/playback-store';

/**
 * Above this many messages on the wire at once, labelled HTML dots cost more than a frame
 * (each is three elements restyled every frame) and their labels only cover each other, so
 * the canvas switches to painting plain dots on one <canvas> (message-canvas.tsx).
 */
export const DENSE_AT = CROWDED_WIRE;

const selectCrowded = (s: PlaybackState) => s.inFlight.length > DENSE_AT;

/**
 * Whether this document's wire has been crowded. Once it has, it stays painted for the rest
 * of the document (the flow remounts for another one), so a run hovering around the
 * threshold does not flip between the two drawings every few frames.
 */
export function useDenseWireLatch(): boolean {
  const crowded = usePlayback(selectCrowded);
  const [dense, setDense] = useState(false);
  if (crowded && !dense) setDense(true);
  return dense || crowded;
}

/** Set by the canvas for what it draws: messages are painted by MessageCanvas, not WireDots. */
export const DenseWire = createContext(false);

/** Whether messages are painted on the shared canvas rather than drawn as labelled dots. */
export const useDenseWire = () => useContext(DenseWire);
