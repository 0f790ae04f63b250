'use client';

import { useStore, useStoreApi, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import type { UiState } from '@/stores/ui-store';
import { usePrefersDark, usePrefersReducedMotion } from '../ui/use-media-query';
import { edgeCurve, facingSides, pointAlong, type Box, type Curve } from './geometry';
import { wireMotion } from './wire-motion';

/** Dot radius in canvas units, and the least it may shrink to on screen (px) when zoomed out. */
const RADIUS = 5;
const MIN_SCREEN_RADIUS = 2.5;
/** How far (canvas units) a lost message drops before it is gone, as on the HTML dots. */
const DROP = 36;

const COLOURS = { out: '#2563eb', back: '#059669', lost: '#ef4444', focus: '#818cf8' };

const selectView = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });

const boxOf = (n: InternalNode | undefined): Box | null =>
  n?.measured.width && n.measured.height ? { ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height } : null;

/** The curve of link `id` as its edge draws it, and the node it starts from; null until both cards are measured. */
function linkCurve(rf: ReactFlowState, id: string): { curve: Curve; source: string } | null {
  const e = rf.edgeLookup.get(id);
  const a = e && boxOf(rf.nodeLookup.get(e.source));
  const b = e && boxOf(rf.nodeLookup.get(e.target));
  if (!e || !a || !b) return null;
  const f = facingSides(a, b);
  return { curve: edgeCurve(f.sx, f.sy, f.sp, f.tx, f.ty, f.tp), source: e.source };
}

/**
 * Paints every message on the wire onto `canvas`, which covers the flow's area on screen.
 * Dots of one colour go into one path, so a frame is a handful of fills however many
 * messages there are. Returns how many were drawn.
 */
function paint(canvas: HTMLCanvasElement, g: CanvasRenderingContext2D, pb: PlaybackState, rf: ReactFlowState, ui: UiState, opts: { dark: boolean; still: boolean }): number {
  const dpr = canvas.width / Math.max(1, rf.width);
  const [tx, ty, zoom] = rf.transform;
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  const r = Math.max(RADIUS, MIN_SCREEN_RADIUS / zoom);
  const curves = new Map<string, ReturnType<typeof linkCurve>>();
  const paths = { out: new Path2D(), back: new Path2D(), focus: new Path2D() };
  const falling: { x: number; y: number; alpha: number }[] = [];
  const focusT = ui.focus?.t ?? null;
  let drawn = 0;
  for (const m of pb.inFlight) {
    let c = curves.get(m.link);
    if (c === undefined) curves.set(m.link, (c = linkCurve(rf, m.link)));
    if (!c) continue;
    const { travelled, fall } = wireMotion(m, pb.time, opts.still);
    const outbound = m.from === c.source;
    const p = pointAlong(c.curve, outbound ? travelled : 1 - travelled);
    drawn++;
    if (m.lost && (fall > 0 || opts.still)) {
      falling.push({ x: p.x, y: p.y + fall * fall * DROP, alpha: 1 - fall });
      continue;
    }
    const path = outbound ? paths.out : paths.back;
    path.moveTo(p.x + r, p.y);
    path.arc(p.x, p.y, r, 0, 2 * Math.PI);
    if (focusT !== null && m.sentAt === focusT) {
      paths.focus.moveTo(p.x + r + 3, p.y);
      paths.focus.arc(p.x, p.y, r + 3, 0, 2 * Math.PI);
    }
  }
  g.lineWidth = 2 / Math.max(zoom, 0.5);
  g.strokeStyle = opts.dark ? '#020617' : '#ffffff';
  for (const [path, colour] of [
    [paths.out, COLOURS.out],
    [paths.back, COLOURS.back],
  ] as const) {
    g.fillStyle = colour;
    g.fill(path);
    g.stroke(path);
  }
  g.strokeStyle = COLOURS.focus;
  g.lineWidth = 3;
  g.stroke(paths.focus);
  g.fillStyle = COLOURS.lost;
  for (const f of falling) {
    g.globalAlpha = Math.max(0, f.alpha);
    g.beginPath();
    g.arc(f.x, f.y, r, 0, 2 * Math.PI);
    g.fill();
  }
  g.globalAlpha = 1;
  // The canvas lies over the cards, but a message passes behind them as its link does.
  for (const n of rf.nodeLookup.values()) {
    const box = boxOf(n);
    if (box) g.clearRect(box.x, box.y, box.width, box.height);
  }
  return drawn;
}

/**
 * Messages painted as plain dots on one canvas, for a wire too crowded for labelled HTML dots
 * (see dense-wire.ts). The canvas lies over the flow in screen space, above the cards (whose
 * boxes it leaves clear, so messages still pass behind them) and below the panels, so its
 * bitmap maps 1:1 to screen pixels at any zoom. (Inside the flow's viewport, between links and
 * cards, the browser had to re-layer every card above the changing canvas each frame, which
 * cost more than painting the dots.) It repaints straight
 * from the stores on every change, outside React's renders. The count of dots drawn is kept
 * in `data-drawn` for tests and the bench.
 */
export function MessageCanvas() {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const rf = useStoreApi();
  const view = useStore(useShallow(selectView));
  const dark = usePrefersDark();
  const still = usePrefersReducedMotion();
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  useEffect(() => {
    const canvas = ref.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !g) return;
    let last = -1;
    let queued = 0;
    const repaint = () => {
      cancelAnimationFrame(queued);
      queued = 0;
      const n = paint(canvas, g, playback.getState(), rf.getState(), ui.getState(), { dark, still });
      if (n !== last) canvas.dataset.drawn = String((last = n));
    };
    // The playback loop publishes once a frame: paint at once, in step with the cards. React
    // Flow's store changes many times a frame while panning or dragging: paint once, next frame.
    const later = () => {
      if (queued === 0) queued = requestAnimationFrame(repaint);
    };
    repaint();
    const stops = [playback.subscribe(repaint), rf.subscribe(later), ui.subscribe(later)];
    return () => {
      stops.forEach((stop) => stop());
      cancelAnimationFrame(queued);
    };
  }, [playback, rf, ui, dark, still, view]);

  return (
    <canvas
      ref={ref}
      data-testid="message-canvas"
      aria-hidden
      width={Math.round(view.width * dpr)}
      height={Math.round(view.height * dpr)}
      // Above React Flow's renderer (z-index 4), below its panels (5).
      className="pointer-events-none absolute top-0 left-0 z-[4]"
      style={{ width: view.width, height: view.height }}
    />
  );
}
