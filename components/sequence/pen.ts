/**
 * What the diagram draws with: a few primitives, painted on a canvas on screen or written as
 * SVG for an export, so both show exactly the same picture.
 */
export interface Pen {
  line(x1: number, y1: number, x2: number, y2: number, color: string, width?: number, dash?: number[]): void;
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  circle(x: number, y: number, r: number, fill: string, stroke?: string): void;
  text(x: number, y: number, s: string, color: string, opts?: { align?: 'left' | 'center' | 'right'; size?: number; bold?: boolean }): void;
  /** Many segments in one stroke: x1,y1,x2,y2 quadruples. */
  lines(xy: readonly number[], color: string, width?: number, dash?: number[]): void;
  /** Many dots in one fill: x,y pairs. */
  dots(xy: readonly number[], r: number, fill: string): void;
  /** Everything drawn from now on is this opaque (0..1). */
  alpha(a: number): void;
}

const FONT = 'ui-sans-serif, system-ui, sans-serif';

/** A pen on a 2D canvas context (already scaled for the device pixel ratio). */
export function canvasPen(ctx: CanvasRenderingContext2D): Pen {
  return {
    line(x1, y1, x2, y2, color, width = 1, dash) {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash ?? []);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    },
    rect(x, y, w, h, fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, w, h);
    },
    circle(x, y, r, fill, stroke) {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = fill;
      ctx.fill();
      if (stroke) {
        ctx.setLineDash([]);
        ctx.strokeStyle = stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    },
    text(x, y, s, color, opts = {}) {
      ctx.fillStyle = color;
      ctx.font = `${opts.bold ? '600 ' : ''}${opts.size ?? 11}px ${FONT}`;
      ctx.textAlign = opts.align ?? 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(s, x, y);
    },
    lines(xy, color, width = 1, dash) {
      if (xy.length === 0) return;
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash ?? []);
      ctx.beginPath();
      for (let k = 0; k + 3 < xy.length; k += 4) {
        ctx.moveTo(xy[k], xy[k + 1]);
        ctx.lineTo(xy[k + 2], xy[k + 3]);
      }
      ctx.stroke();
    },
    dots(xy, r, fill) {
      if (xy.length === 0) return;
      ctx.fillStyle = fill;
      ctx.beginPath();
      for (let k = 0; k + 1 < xy.length; k += 2) {
        ctx.moveTo(xy[k] + r, xy[k + 1]);
        ctx.arc(xy[k], xy[k + 1], r, 0, Math.PI * 2);
      }
      ctx.fill();
    },
    alpha(a) {
      ctx.globalAlpha = a;
    },
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** A pen that writes SVG elements; `svg()` wraps them in a standalone document. */
export function svgPen(width: number, height: number, background: string): Pen & { svg(): string } {
  const parts: string[] = [];
  let opacity = 1;
  const op = () => (opacity < 1 ? ` opacity="${n(opacity)}"` : '');
  return {
    line(x1, y1, x2, y2, color, width = 1, dash) {
      const d = dash && dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
      parts.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="${n(width)}"${d}${op()}/>`);
    },
    rect(x, y, w, h, fill) {
      parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}"${op()}/>`);
    },
    circle(x, y, r, fill, stroke) {
      parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"${stroke ? ` stroke="${stroke}"` : ''}${op()}/>`);
    },
    text(x, y, s, color, opts = {}) {
      const anchor = { left: 'start', center: 'middle', right: 'end' }[opts.align ?? 'left'];
      parts.push(
        `<text x="${n(x)}" y="${n(y)}" fill="${color}" font-family="${FONT}" font-size="${opts.size ?? 11}"${opts.bold ? ' font-weight="600"' : ''} text-anchor="${anchor}" dominant-baseline="central"${op()}>${esc(s)}</text>`,
      );
    },
    lines(xy, color, width = 1, dash) {
      if (xy.length === 0) return;
      const d: string[] = [];
      for (let k = 0; k + 3 < xy.length; k += 4) d.push(`M${n(xy[k])} ${n(xy[k + 1])}L${n(xy[k + 2])} ${n(xy[k + 3])}`);
      const da = dash && dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
      parts.push(`<path d="${d.join('')}" fill="none" stroke="${color}" stroke-width="${n(width)}"${da}${op()}/>`);
    },
    dots(xy, r, fill) {
      for (let k = 0; k + 1 < xy.length; k += 2) parts.push(`<circle cx="${n(xy[k])}" cy="${n(xy[k + 1])}" r="${n(r)}" fill="${fill}"${op()}/>`);
    },
    alpha(a) {
      opacity = a;
    },
    svg() {
      return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${background}"/>${parts.join('')}</svg>`;
    },
  };
}
