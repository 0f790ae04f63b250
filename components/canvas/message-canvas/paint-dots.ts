import type { DotFrame } from './dot-frame';

const COLOURS = { out: '#2563eb', back: '#059669', lost: '#ef4444', focus: '#818cf8' };

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function dots(xy: Float32Array, r: number): Path2D {
  const p = new Path2D();
  for (let i = 0; i < xy.length; i += 2) {
    p.moveTo(xy[i] + r, xy[i + 1]);
    p.arc(xy[i], xy[i + 1], r, 0, 2 * Math.PI);
  }
  return p;
}

/**
 * Paints a frame of the crowded wire. Dots of one colour go into one path, so a frame is a
 * handful of fills however many messages there are. Uses only the 2D context, so it runs the
 * same on the page's canvas and on an OffscreenCanvas in a worker.
 */
export function paintDots(g: Context2D, f: DotFrame): void {
  const { dpr, zoom, radius: r } = f;
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, f.width, f.height);
  g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * f.tx, dpr * f.ty);
  g.lineWidth = 2 / Math.max(zoom, 0.5);
  g.strokeStyle = f.dark ? '#020617' : '#ffffff';
  for (const [xy, colour] of [
    [f.out, COLOURS.out],
    [f.back, COLOURS.back],
  ] as const) {
    const path = dots(xy, r);
    g.fillStyle = colour;
    g.fill(path);
    g.stroke(path);
  }
  if (f.focus.length > 0) {
    g.strokeStyle = COLOURS.focus;
    g.lineWidth = 3;
    g.stroke(dots(f.focus, r + 3));
  }
  g.fillStyle = COLOURS.lost;
  for (let i = 0; i < f.falling.length; i += 3) {
    g.globalAlpha = Math.max(0, f.falling[i + 2]);
    g.beginPath();
    g.arc(f.falling[i], f.falling[i + 1], r, 0, 2 * Math.PI);
    g.fill();
  }
  g.globalAlpha = 1;
}
