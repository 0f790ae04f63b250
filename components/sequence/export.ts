import { background, drawDiagram, type DiagramInput } from './draw';
import { canvasPen, svgPen } from './pen';

/** The diagram of `input` as a standalone SVG document. */
export function diagramSvg(input: DiagramInput): string {
  const pen = svgPen(input.width, input.height, background(input.dark));
  drawDiagram(pen, input);
  return pen.svg();
}

/** The error message when the browser cannot draw (the panel shows it in the reader's language). */
export const NO_CANVAS = 'this browser cannot draw a canvas';

/** The diagram of `input` as a PNG, drawn at `scale` times its size (sharp on slides). */
export function diagramPng(input: DiagramInput, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(input.width * scale);
  canvas.height = Math.round(input.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error(NO_CANVAS));
  ctx.scale(scale, scale);
  ctx.fillStyle = background(input.dark);
  ctx.fillRect(0, 0, input.width, input.height);
  drawDiagram(canvasPen(ctx), input);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}

/** Offers `blob` as a download named `name`. */
export function offer(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
