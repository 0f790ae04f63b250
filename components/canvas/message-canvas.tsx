'use client';

import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { usePrefersDark, usePrefersReducedMotion } from '../ui/use-media-query';
import { buildDotFrame } from './message-canvas/dot-frame';
import { createDotPainter } from './message-canvas/dot-painter';
import { LinkCurves } from './message-canvas/link-curves';

const selectSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });

/**
 * Messages painted as plain dots on one canvas, for a wire too crowded for labelled HTML dots
 * (see dense-wire.ts). The canvas lies over the flow in screen space, above the cards (so a
 * message is never hidden by a card its wire passes, as with the HTML dots) and below the panels, so its
 * bitmap maps 1:1 to screen pixels at any zoom. (Inside the flow's viewport, between links and
 * cards, the browser had to re-layer every card above the changing canvas each frame, which
 * cost more than painting the dots.) The dots are placed here, from the stores on every
 * change, outside React's renders; a worker paints them where the browser allows (see
 * dot-painter.ts). The count of dots drawn is kept in `data-drawn` for tests and the bench.
 */
export function MessageCanvas() {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const rf = useStoreApi();
  const size = useStore(useShallow(selectSize));
  const dark = usePrefersDark();
  const still = usePrefersReducedMotion();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = host.current;
    if (!box) return;
    // A canvas handed to a worker is the worker's for good: each mount makes its own.
    const canvas = document.createElement('canvas');
    canvas.dataset.testid = 'message-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.className = 'block h-full w-full';
    box.append(canvas);
    const painter = createDotPainter(canvas);
    const dpr = window.devicePixelRatio || 1;
    const links = new LinkCurves();
    let last = -1;
    let queued = 0;
    const repaint = () => {
      cancelAnimationFrame(queued);
      queued = 0;
      const f = buildDotFrame(playback.getState(), rf.getState(), ui.getState(), { dark, still, dpr }, links);
      painter.paint(f);
      if (f.drawn !== last) box.querySelector('canvas')?.setAttribute('data-drawn', String((last = f.drawn)));
    };
    // The playback loop publishes once a frame: place the dots at once, in step with the
    // cards. React Flow's store changes many times a frame while panning or dragging: once, next frame.
    const later = () => {
      if (queued === 0) queued = requestAnimationFrame(repaint);
    };
    repaint();
    const stops = [playback.subscribe(repaint), rf.subscribe(later), ui.subscribe(later)];
    return () => {
      stops.forEach((stop) => stop());
      cancelAnimationFrame(queued);
      painter.dispose();
      box.replaceChildren();
    };
  }, [playback, rf, ui, dark, still]);

  // Above React Flow's renderer (z-index 4), below its panels (5).
  return <div ref={host} className="pointer-events-none absolute top-0 left-0 z-[4]" style={{ width: size.width, height: size.height }} />;
}
