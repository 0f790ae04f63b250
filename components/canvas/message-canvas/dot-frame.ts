import type { ReactFlowState } from '@xyflow/react';
import type { PlaybackState } from '@/stores/playback-store';
import type { UiState } from '@/stores/ui-store';
import { selectFocusSend } from '@/stores/ui-selectors';
import { pointAlong } from '../geometry';
import { wireMotion } from '../wire-motion';
import { LinkCurves, linksOf, type LinkCurve } from './link-curves';

/** Dot radius in canvas units, and the least it may shrink to on screen (px) when zoomed out. */
const RADIUS = 5;
const MIN_SCREEN_RADIUS = 2.5;
/** How far (canvas units) a lost message drops before it is gone, as on the HTML dots. */
const DROP = 36;

/**
 * One frame of the crowded wire, as plain numbers: what to paint, already placed, so painting
 * needs neither the stores nor the DOM and can run in a worker. Coordinates are flow units;
 * the transform maps them to canvas pixels.
 */
export interface DotFrame {
  /** Canvas bitmap size (device pixels). */
  width: number;
  height: number;
  /** Flow units -> canvas pixels: pixel = (unit * zoom + translate) * dpr. */
  dpr: number;
  tx: number;
  ty: number;
  zoom: number;
  radius: number;
  dark: boolean;
  /** x,y pairs: messages travelling from the link's source, and back towards it. */
  out: Float32Array;
  back: Float32Array;
  /** x,y pairs: messages sent at the focused log line's time (ringed). */
  focus: Float32Array;
  /** x,y,alpha triples: lost messages falling off the wire. */
  falling: Float32Array;
  /** Messages placed on a wire (all of them once the cards are measured). */
  drawn: number;
}

/** A growable list of floats, copied out as a Float32Array (transferable to a worker). */
class Floats {
  private a = new Float32Array(64);
  n = 0;
  push2(x: number, y: number): void {
    if (this.n + 2 > this.a.length) this.grow();
    this.a[this.n++] = x;
    this.a[this.n++] = y;
  }
  push(...xs: number[]): void {
    while (this.n + xs.length > this.a.length) this.grow();
    for (const x of xs) this.a[this.n++] = x;
  }
  take(): Float32Array {
    return this.a.slice(0, this.n);
  }
  private grow(): void {
    const b = new Float32Array(this.a.length * 2);
    b.set(this.a);
    this.a = b;
  }
}

/**
 * Places every message on the wire at the cursor's time, along the curve its link is drawn
 * with, for a canvas of `width`×`height` device pixels covering the flow's area on screen.
 * `links` keeps the links' curves between frames (a fresh one computes them all).
 */
export function buildDotFrame(pb: PlaybackState, rf: ReactFlowState, ui: UiState, opts: { dark: boolean; still: boolean; dpr: number }, links = new LinkCurves()): DotFrame {
  const [tx, ty, zoom] = rf.transform;
  const ends = linksOf(pb);
  links.prune(ends);
  const curves = new Map<string, LinkCurve | null>();
  const out = new Floats();
  const back = new Floats();
  const focus = new Floats();
  const falling = new Floats();
  const focusT = selectFocusSend(ui);
  let drawn = 0;
  for (const m of pb.inFlight) {
    let c = curves.get(m.link);
    if (c === undefined) {
      const e = ends.get(m.link);
      curves.set(m.link, (c = e ? links.get(rf, e) : null));
    }
    if (!c) continue;
    const { travelled, fall } = wireMotion(m, pb.time, opts.still);
    const outbound = m.from === c.source;
    const p = pointAlong(c.curve, outbound ? travelled : 1 - travelled);
    drawn++;
    if (m.lost && (fall > 0 || opts.still)) {
      falling.push(p.x, p.y + fall * fall * DROP, 1 - fall);
      continue;
    }
    (outbound ? out : back).push2(p.x, p.y);
    if (focusT !== null && m.sentAt === focusT) focus.push2(p.x, p.y);
  }
  return {
    width: Math.round(rf.width * opts.dpr),
    height: Math.round(rf.height * opts.dpr),
    dpr: opts.dpr,
    tx,
    ty,
    zoom,
    radius: Math.max(RADIUS, MIN_SCREEN_RADIUS / zoom),
    dark: opts.dark,
    out: out.take(),
    back: back.take(),
    focus: focus.take(),
    falling: falling.take(),
    drawn,
  };
}

