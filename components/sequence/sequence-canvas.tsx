'use client';

import { currentFormatter, useI18n } from '@/components/i18n/use-i18n';
import { useEffect, useRef } from 'react';
import { narrate } from '@/engine/core/narrate';
import { focusOf } from '@/stores/focus';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { lifelineIds, moveLifeline } from '@/stores/lifelines';
import { describeSeqMessage, messageFocus, selectSequence } from '@/stores/sequence';
import { formatMs } from '../panels/format';
import { diagramInput, pageIsDark } from './diagram-input';
import { AXIS_H, drawDiagram, GUTTER, scaleOf, type DiagramInput, type DrawnFrame } from './draw';
import { canvasPen } from './pen';
import { followEnd, panned, zoomed, type SeqView } from './view';

/** The diagram's view, its size and a way to redraw it, shared by the canvas and the panel's toolbar. */
export class SeqController {
  view: SeqView = { span: null, end: null };
  /** The size the diagram has on screen (css px). */
  size = { width: 0, height: 0 };
  private paint: () => void = () => {};
  private hold = 0;

  /** Where the whole-run view ends now (see followEnd in view.ts). */
  followEnd(now: number, until: number): number {
    this.hold = followEnd(this.hold, now, until);
    return this.hold;
  }

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

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A number for each run's data, so a new run (an edit re-ran it) is drawn afresh. */
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** Two frames drawn at the same scale as one, for pointing. */
function merged(a: DrawnFrame, b: DrawnFrame): DrawnFrame {
  return {
    ...b,
    segs: a.segs.concat(b.segs),
    segIdx: a.segIdx.concat(b.segIdx),
    marks: a.marks.concat(b.marks),
    markIdx: a.markIdx.concat(b.markIdx),
    drawn: a.drawn + b.drawn,
    dimmed: a.dimmed + b.dimmed,
    msgEnd: Math.max(a.msgEnd, b.msgEnd),
    markEnd: Math.max(a.markEnd, b.markEnd),
  };
}

/** Most messages the screen-reader list names (the ones in view, in send order). */
const LISTED = 120;

/**
 * The sequence diagram on a canvas: lifelines, messages, marks and the cursor, redrawn (only
 * what is in view) whenever the run, the selection or the view changes. Drag pans along time,
 * the wheel zooms; clicking seeks there, or selects the message, event or violation under the
 * pointer; hovering names it and points it out on the canvas, in the log and on the timeline.
 * Dragging a name in the gutter moves its lifeline up or down. A visually hidden list names the messages in view for screen
 * readers (and tests), updated while playback is paused.
 */
export function SequenceCanvas({ ctl }: { ctl: SeqController }) {
  const { t } = useI18n();
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const box = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overRef = useRef<HTMLCanvasElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = box.current;
    const canvas = canvasRef.current;
    const over = overRef.current;
    if (!el || !canvas || !over) return;
    const ctx = canvas.getContext('2d');
    const octx = over.getContext('2d');
    if (!ctx || !octx) return;
    // `frame` has everything drawn (for pointing); `settledKey` says what the bottom canvas
    // shows, which stays while the view, the scale and the highlights do.
    let frame: DrawnFrame | null = null;
    let settled: DrawnFrame | null = null;
    let settledKey = '';
    let hover = -1;
    let queued = 0;
    let listed = '';
    let settledHappened = -1;
    const lowerHappened = (f: DrawnFrame, inp: DiagramInput) => inp.happened < settledHappened || f.msgEnd > inp.data.messages.length;
    const keyOf = (inp: DiagramInput, f: ReturnType<typeof scaleOf>, dpr: number) =>
      [inp.v0, inp.v1, inp.width, inp.height, dpr, inp.dark, inp.chainOf, inp.hover, inp.focus?.t, inp.focus?.nodes.join(), inp.node, inp.order.join(), idOf(inp.data), f.gaps.map((g) => `${g.t0}:${g.t1}`).join()].join('|');
    const paint = () => {
      queued = 0;
      const { width, height } = ctl.size;
      if (width <= 0 || height <= 0) return;
      const dpr = window.devicePixelRatio || 1;
      for (const c of [canvas, over]) {
        if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
          c.width = Math.round(width * dpr);
          c.height = Math.round(height * dpr);
          settledKey = '';
        }
      }
      const pb = playback.getState();
      const input = diagramInput(pb, ui.getState(), ctl.view, ctl.size, pageIsDark(), hover, ctl.followEnd(pb.time, pb.untilMs));
      const scale = scaleOf(input);
      const key = keyOf(input, scale, dpr);
      // What already arrived is drawn once; going back in time, or any other change, redraws it all.
      if (key !== settledKey || !settled || settled.msgEnd > input.data.messages.length || lowerHappened(settled, input)) {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.clearRect(0, 0, width, height);
        settled = drawDiagram(canvasPen(ctx), input, { part: 'settled' }, scale);
        settledKey = key;
      } else if (input.happened !== settledHappened) {
        const more = drawDiagram(canvasPen(ctx), input, { part: 'settled', from: { msg: settled.msgEnd, mark: settled.markEnd } }, scale);
        settled = merged(settled, more);
      }
      settledHappened = input.happened;
      octx.setTransform(dpr, 0, 0, dpr, 0, 0);
      octx.clearRect(0, 0, width, height);
      const movingFrame = drawDiagram(canvasPen(octx), input, { part: 'moving' }, scale);
      frame = merged(settled, movingFrame);
      over.dataset.drawn = String(frame.drawn);
      over.dataset.dimmed = String(frame.dimmed);
      // The rows' names top to bottom, for tests (the gutter is drawn, not text).
      over.dataset.rows = input.order.map((k) => input.names[k]).join(',');
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
          b.textContent = `${formatMs(data.messages[k].sent)}: ${currentFormatter().say(describeSeqMessage(pb, data.messages[k]))}`;
          b.addEventListener('click', () => click({ kind: 'msg', k }, 0));
          // Keyboard focus on a message points it out as hovering its arrow does.
          b.addEventListener('focus', () => pointAt({ kind: 'msg', k }));
          b.addEventListener('blur', () => pointAt(null));
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
    // The palette follows the system's light or dark setting as it changes.
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', later);
    const stops = [playback.subscribe(later), ui.subscribe(later), () => scheme.removeEventListener('change', later)];

    const local = (e: PointerEvent | WheelEvent) => {
      const r = over.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const showTip = (hit: Hit, x: number, y: number) => {
      const t = tip.current;
      if (!t) return;
      const pb = playback.getState();
      let text = '';
      if (hit?.kind === 'msg') {
        const m = selectSequence(pb).messages[hit.k];
        text = `${currentFormatter().say(describeSeqMessage(pb, m))} · ${formatMs(m.sent)} → ${formatMs(m.end)}`;
      } else if (hit?.kind === 'mark') {
        const m = selectSequence(pb).marks[hit.k];
        text = `${formatMs(m.t)}: ${currentFormatter().say(narrate(pb.sim, pb.sim.trace.get(m.i), pb.labels))}`;
      }
      t.textContent = text;
      t.hidden = text === '';
      if (text) {
        t.style.left = `${Math.min(x + 12, Math.max(0, ctl.size.width - 320))}px`;
        t.style.top = `${y + 14 > ctl.size.height - 40 ? y - 40 : y + 14}px`;
      }
    };
    // What the pointer rests on, shared with the canvas, the log and the timeline (set only when it changes).
    let pointedKey = '';
    const pointAt = (hit: Hit) => {
      const key = hit?.kind === 'msg' || hit?.kind === 'mark' ? `${hit.kind}${hit.k}` : '';
      if (key === pointedKey) return;
      pointedKey = key;
      const pb = playback.getState();
      const u = ui.getState();
      if (hit?.kind === 'msg') u.setHover(messageFocus(pb, selectSequence(pb).messages[hit.k]));
      else if (hit?.kind === 'mark') u.setHover(focusOf(pb, selectSequence(pb).marks[hit.k].i));
      else u.setHover(null);
    };
    // A name dragged in the gutter: its row, and where the pointer went down.
    let rowDrag: { row: number; y: number; moved: boolean; id: number } | null = null;
    const rowAt = (f: DrawnFrame, y: number) => Math.max(0, Math.min(f.rows.length - 1, Math.floor((y - AXIS_H) / f.rowH)));
    let drag: { x: number; view: SeqView; moved: boolean; id: number; shown?: [number, number] } | null = null;
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const p = local(e);
      const hit = frame && p.x < GUTTER ? hitTest(frame, p.x, p.y) : null;
      if (hit?.kind === 'node') {
        rowDrag = { row: hit.row, y: p.y, moved: false, id: e.pointerId };
        return;
      }
      drag = { x: e.clientX, view: ctl.view, moved: false, id: e.pointerId, shown: frame ? [frame.scale.v0, frame.scale.v1] : undefined };
    };
    const move = (e: PointerEvent) => {
      const p = local(e);
      if (rowDrag && rowDrag.id === e.pointerId && frame && (rowDrag.moved || Math.abs(p.y - rowDrag.y) > 4)) {
        if (!rowDrag.moved) over.setPointerCapture(e.pointerId);
        rowDrag.moved = true;
        over.style.cursor = 'grabbing';
        const pb = playback.getState();
        const t = tip.current;
        if (t) {
          t.textContent = `Move ${pb.labels[pb.sim.nodeIds[frame.order[rowDrag.row]]] ?? ''} to row ${rowAt(frame, p.y) + 1}`;
          t.hidden = false;
          t.style.left = `${p.x + 12}px`;
          t.style.top = `${p.y}px`;
        }
        return;
      }
      if (drag && drag.id === e.pointerId && (drag.moved || Math.abs(e.clientX - drag.x) > 4)) {
        if (!drag.moved) over.setPointerCapture(e.pointerId);
        drag.moved = true;
        const pb = playback.getState();
        const msPerPx = frame ? frame.scale.msPerPx : 1;
        ctl.setView(panned(drag.view, pb.time, pb.untilMs, -(e.clientX - drag.x) * msPerPx, drag.shown));
        return;
      }
      if (!frame) return;
      const hit = hitTest(frame, p.x, p.y);
      const k = hit?.kind === 'msg' ? hit.k : -1;
      over.style.cursor = hit ? 'pointer' : 'crosshair';
      if (k !== hover) {
        hover = k;
        later();
      }
      pointAt(hit);
      showTip(hit, p.x, p.y);
    };
    const up = (e: PointerEvent) => {
      const r = rowDrag;
      rowDrag = null;
      if (r && frame) {
        const p = local(e);
        if (!r.moved) return click({ kind: 'node', row: r.row }, p.x);
        const pb = playback.getState();
        const u = ui.getState();
        const ids = pb.sim.nodeIds;
        // Rows are the shown lifelines; the stored order counts hidden ones too, so aim at the node now in the target row:
        // moving down lands just after it, moving up just before it.
        const row = rowAt(frame, p.y);
        const moved = ids[frame.order[r.row]];
        const rest = lifelineIds(ids, u.lifelines).filter((x) => x !== moved);
        if (row !== r.row) u.setLifelines(moveLifeline(ids, u.lifelines, moved, rest.indexOf(ids[frame.order[row]]) + (row > r.row ? 1 : 0)));
        over.style.cursor = 'crosshair';
        showTip(null, 0, 0);
        return;
      }
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
        if (frame) u.select({ kind: 'node', id: pb.sim.nodeIds[frame.order[hit.row]] });
      } else if (frame && x >= GUTTER) {
        pb.seek(frame.scale.t(x));
      }
    };
    const leave = () => {
      hover = -1;
      pointAt(null);
      showTip(null, 0, 0);
      later();
    };
    const wheel = (e: WheelEvent) => {
      if (!frame) return;
      e.preventDefault();
      const pb = playback.getState();
      const p = local(e);
      const sideways = e.shiftKey ? e.deltaY : e.deltaX;
      const shown: [number, number] = [frame.scale.v0, frame.scale.v1];
      if (Math.abs(sideways) > Math.abs(e.shiftKey ? 0 : e.deltaY)) ctl.setView(panned(ctl.view, pb.time, pb.untilMs, sideways * frame.scale.msPerPx, shown));
      else ctl.setView(zoomed(ctl.view, pb.time, pb.untilMs, Math.exp(e.deltaY * 0.002), p.x >= GUTTER ? frame.scale.t(p.x) : undefined, shown));
    };
    over.addEventListener('pointerdown', down);
    over.addEventListener('pointermove', move);
    over.addEventListener('pointerup', up);
    over.addEventListener('pointerleave', leave);
    over.addEventListener('wheel', wheel, { passive: false });
    later();
    return () => {
      stops.forEach((s) => s());
      ro.disconnect();
      cancelAnimationFrame(queued);
      detach();
      over.removeEventListener('pointerdown', down);
      over.removeEventListener('pointermove', move);
      over.removeEventListener('pointerup', up);
      over.removeEventListener('pointerleave', leave);
      over.removeEventListener('wheel', wheel);
    };
  }, [playback, ui, ctl]);

  return (
    <div ref={box} className="relative min-h-0 min-w-0 flex-1 overflow-hidden">
      <canvas ref={canvasRef} aria-hidden="true" className="absolute inset-0 block h-full w-full" />
      {/* What moves each frame (the cursor, messages on their way, shaded spans) is drawn over the rest; this one takes the pointer. */}
      <canvas
        ref={overRef}
        data-testid="sequence-canvas"
        role="img"
        aria-label={t('ui.sequence.canvasAria')}
        className="absolute inset-0 block h-full w-full touch-none"
        style={{ cursor: 'crosshair' }}
      />
      <div ref={tip} hidden role="status" className="pointer-events-none absolute z-10 max-w-80 rounded-md bg-slate-900/90 px-2 py-1 text-xs text-white shadow dark:bg-slate-100/95 dark:text-slate-900" />
      <ol ref={list} data-testid="sequence-messages" aria-label={t('ui.sequence.listAria')} className="sr-only" />
    </div>
  );
}
