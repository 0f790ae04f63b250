'use client';

import { useEffect, useRef } from 'react';
import { narrate } from '@/engine/core/narrate';
import { focusOf } from '@/stores/focus';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { describeSeqMessage, messageFocus, selectSequence } from '@/stores/sequence';
import { formatMs } from '../panels/format';
import { diagramInput, pageIsDark } from './diagram-input';
import { drawDiagram, GUTTER, type DrawnFrame } from './draw';
import { canvasPen } from './pen';
import { panned, zoomed, type SeqView } from './view';

/** The diagram's view, its size and a way to redraw it, shared by the canvas and the panel's toolbar. */
export class SeqController {
  view: SeqView = { span: null, end: null };
  /** The size the diagram has on screen (css px). */
  size = { width: 0, height: 0 };
  private paint: () => void = () => {};

  /** Shows another stretch of time. */
  setView(view: SeqView): void {
    this.view = view;
    this.paint();
  }

  setSize(width: number, height: number): void {
    this.size = { width, height };
    this.paint();
  }

  /** Asks for a redraw on the next frame. */
  repaint(): void {
    this.paint();
  }

  /** The canvas's redraw; returns its removal. */
  attach(paint: () => void): () => void {
    this.paint = paint;
    return () => {
      this.paint = () => {};
    };
  }
}

/** How near (px) the pointer must be to a message or a mark to point at it. */
const REACH = 6;

function distToSeg(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  return Math.hypot(px - (x1 + u * dx), py - (y1 + u * dy));
}

type Hit = { kind: 'msg'; k: number } | { kind: 'mark'; k: number } | { kind: 'node'; row: number } | null;

/** What is under point (x, y) of the last frame drawn. */
function hitTest(f: DrawnFrame, x: number, y: number): Hit {
  if (x < GUTTER) {
    const row = f.rows.findIndex((ry) => Math.abs(ry - y) <= f.rowH / 2);
    return row >= 0 ? { kind: 'node', row } : null;
  }
  let best: Hit = null;
  let bestD = REACH;
  for (let j = 0; j < f.markIdx.length; j++) {
    const d = Math.hypot(f.marks[2 * j] - x, f.marks[2 * j + 1] - y);
    if (d <= bestD) {
      bestD = d;
      best = { kind: 'mark', k: f.markIdx[j] };
    }
  }
  if (best) return best;
  for (let j = 0; j < f.segIdx.length; j++) {
    const s = 4 * j;
    const d = distToSeg(x, y, f.segs[s], f.segs[s + 1], f.segs[s + 2], f.segs[s + 3]);
    if (d < bestD) {
      bestD = d;
      best = { kind: 'msg', k: f.segIdx[j] };
    }
  }
  return best;
}

/** Most messages the screen-reader list names (the ones in view, in send order). */
const LISTED = 120;

/**
 * The sequence diagram on a canvas: lifelines, messages, marks and the cursor, redrawn (only
 * what is in view) whenever the run, the selection or the view changes. Drag pans along time,
 * the wheel zooms; clicking seeks there, or selects the message, event or violation under the
 * pointer; hovering names it. A visually hidden list names the messages in view for screen
 * readers (and tests), updated while playback is paused.
 */
export function SequenceCanvas({ ctl }: { ctl: SeqController }) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const box = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = box.current;
    const canvas = canvasRef.current;
    if (!el || !canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let frame: DrawnFrame | null = null;
    let hover = -1;
    let queued = 0;
    let listed = '';
    const paint = () => {
      queued = 0;
      const { width, height } = ctl.size;
      if (width <= 0 || height <= 0) return;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const pb = playback.getState();
      frame = drawDiagram(canvasPen(ctx), diagramInput(pb, ui.getState(), ctl.view, ctl.size, pageIsDark(), hover));
      canvas.dataset.drawn = String(frame.drawn);
      canvas.dataset.dimmed = String(frame.dimmed);
      if (!pb.playing) updateList(frame);
    };
    const updateList = (f: DrawnFrame) => {
      const ol = list.current;
      if (!ol) return;
      const data = selectSequence(playback.getState());
      const ks = [...f.segIdx].sort((a, b) => data.messages[a].sent - data.messages[b].sent || a - b).slice(0, LISTED);
      const key = ks.join(',');
      if (key === listed) return;
      listed = key;
      const pb = playback.getState();
      ol.replaceChildren(
        ...ks.map((k) => {
          const li = document.createElement('li');
          const b = document.createElement('button');
          b.type = 'button';
          b.dataset.testid = 'sequence-message';
          b.textContent = `${formatMs(data.messages[k].sent)}: ${describeSeqMessage(pb, data.messages[k])}`;
          b.addEventListener('click', () => click({ kind: 'msg', k }, 0));
          li.append(b);
          return li;
        }),
      );
    };
    const later = () => {
      if (queued === 0) queued = requestAnimationFrame(paint);
    };
    const detach = ctl.attach(later);
    const ro = new ResizeObserver(([entry]) => ctl.setSize(entry.contentRect.width, entry.contentRect.height));
    ro.observe(el);
    const stops = [playback.subscribe(later), ui.subscribe(later)];

    const local = (e: PointerEvent | WheelEvent) => {
      const r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const showTip = (hit: Hit, x: number, y: number) => {
      const t = tip.current;
      if (!t) return;
      const pb = playback.getState();
      let text = '';
      if (hit?.kind === 'msg') {
        const m = selectSequence(pb).messages[hit.k];
        text = `${describeSeqMessage(pb, m)} · ${formatMs(m.sent)} → ${formatMs(m.end)}`;
      } else if (hit?.kind === 'mark') {
        const m = selectSequence(pb).marks[hit.k];
        text = `${formatMs(m.t)}: ${narrate(pb.sim, pb.sim.trace.get(m.i), pb.labels)}`;
      }
      t.textContent = text;
      t.hidden = text === '';
      if (text) {
        t.style.left = `${Math.min(x + 12, Math.max(0, ctl.size.width - 320))}px`;
        t.style.top = `${y + 14 > ctl.size.height - 40 ? y - 40 : y + 14}px`;
      }
    };
    let drag: { x: number; view: SeqView; moved: boolean; id: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, view: ctl.view, moved: false, id: e.pointerId };
    };
    const move = (e: PointerEvent) => {
      const p = local(e);
      if (drag && drag.id === e.pointerId && (drag.moved || Math.abs(e.clientX - drag.x) > 4)) {
        if (!drag.moved) canvas.setPointerCapture(e.pointerId);
        drag.moved = true;
        const pb = playback.getState();
        const msPerPx = frame ? frame.scale.msPerPx : 1;
        ctl.setView(panned(drag.view, pb.time, pb.untilMs, -(e.clientX - drag.x) * msPerPx));
        return;
      }
      if (!frame) return;
      const hit = hitTest(frame, p.x, p.y);
      const k = hit?.kind === 'msg' ? hit.k : -1;
      canvas.style.cursor = hit ? 'pointer' : 'crosshair';
      if (k !== hover) {
        hover = k;
        later();
      }
      showTip(hit, p.x, p.y);
    };
    const up = (e: PointerEvent) => {
      const d = drag;
      drag = null;
      if (!d || d.moved || !frame) return;
      const p = local(e);
      click(hitTest(frame, p.x, p.y), p.x);
    };
    const click = (hit: Hit, x: number) => {
      const pb = playback.getState();
      const u = ui.getState();
      if (hit?.kind === 'msg') {
        const f = messageFocus(pb, selectSequence(pb).messages[hit.k]);
        pb.seekStep(f.step);
        u.setFocus(f);
      } else if (hit?.kind === 'mark') {
        const m = selectSequence(pb).marks[hit.k];
        const step = pb.sim.trace.stepAt(m.i);
        if (m.type === 'invariant.violation') u.setChainOf(m.i);
        pb.seekStep(step + 1);
        u.setFocus(focusOf(playback.getState(), m.i));
      } else if (hit?.kind === 'node') {
        u.select({ kind: 'node', id: pb.sim.nodeIds[hit.row] });
      } else if (frame && x >= GUTTER) {
        pb.seek(frame.scale.t(x));
      }
    };
    const leave = () => {
      hover = -1;
      showTip(null, 0, 0);
      later();
    };
    const wheel = (e: WheelEvent) => {
      if (!frame) return;
      e.preventDefault();
      const pb = playback.getState();
      const p = local(e);
      const sideways = e.shiftKey ? e.deltaY : e.deltaX;
      if (Math.abs(sideways) > Math.abs(e.shiftKey ? 0 : e.deltaY)) ctl.setView(panned(ctl.view, pb.time, pb.untilMs, sideways * frame.scale.msPerPx));
      else ctl.setView(zoomed(ctl.view, pb.time, pb.untilMs, Math.exp(e.deltaY * 0.002), p.x >= GUTTER ? frame.scale.t(p.x) : undefined));
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointerleave', leave);
    canvas.addEventListener('wheel', wheel, { passive: false });
    later();
    return () => {
      stops.forEach((s) => s());
      ro.disconnect();
      cancelAnimationFrame(queued);
      detach();
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointerleave', leave);
      canvas.removeEventListener('wheel', wheel);
    };
  }, [playback, ui, ctl]);

  return (
    <div ref={box} className="relative min-h-0 min-w-0 flex-1 overflow-hidden">
      <canvas
        ref={canvasRef}
        data-testid="sequence-canvas"
        role="img"
        aria-label="Sequence diagram: one row per node, an arrow per message from its send to its arrival. Drag to pan, scroll to zoom, click to seek."
        className="absolute inset-0 block h-full w-full touch-none"
        style={{ cursor: 'crosshair' }}
      />
      <div ref={tip} hidden role="status" className="pointer-events-none absolute z-10 max-w-80 rounded-md bg-slate-900/90 px-2 py-1 text-xs text-white shadow dark:bg-slate-100/95 dark:text-slate-900" />
      <ol ref={list} data-testid="sequence-messages" aria-label="Messages in view (choose one to point it out)" className="sr-only" />
    </div>
  );
}
