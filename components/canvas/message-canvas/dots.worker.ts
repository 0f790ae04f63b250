import type { DotFrame } from './dot-frame';
import { paintDots } from './paint-dots';

/**
 * Paints the crowded wire on an OffscreenCanvas, off the page's main thread: with hundreds of
 * dots moving, handing a changed page canvas to the compositor every frame cost the main
 * thread more than painting them. The page sends the canvas once, then one frame at a time,
 * waiting for "painted" before sending the next (the newest frame wins meanwhile).
 */
let canvas: OffscreenCanvas | null = null;
let g: OffscreenCanvasRenderingContext2D | null = null;

self.addEventListener('message', (e: MessageEvent<{ canvas?: OffscreenCanvas; frame?: DotFrame }>) => {
  if (e.data.canvas) {
    canvas = e.data.canvas;
    g = canvas.getContext('2d');
    return;
  }
  const f = e.data.frame;
  if (canvas && g && f) {
    if (canvas.width !== f.width) canvas.width = f.width;
    if (canvas.height !== f.height) canvas.height = f.height;
    paintDots(g, f);
  }
  self.postMessage('painted');
});
