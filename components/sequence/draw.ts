import { currentFormatter } from '../i18n/use-i18n';
import { MsgEnd, lowerBound, type SequenceData } from '@/engine/trace/sequence';
import type { Pen } from './pen';
import { GAP_PX, TimeScale } from './time-scale';

/** Left gutter for the lifelines' names, and the time axis's height (px). */
export const GUTTER = 96;
export const AXIS_H = 20;

/** What the diagram shows and how: plain data, so the same frame draws on screen or into an export. */
export interface DiagramInput {
  data: SequenceData;
  /** Node indexes top to bottom, and their names. */
  order: readonly number[];
  names: readonly string[];
  /** The cursor's time, and how many trace events it has passed (later ones have not happened yet). */
  now: number;
  happened: number;
  v0: number;
  v1: number;
  width: number;
  height: number;
  dark: boolean;
  /** Stretches of time in which nothing happened, ascending (the long ones in view are squeezed). */
  idle: readonly { t0: number; t1: number }[];
  /** Index in `data.messages` of the message pointed at (-1: none). */
  hover: number;
  /** Messages sent at this time from one of these nodes are pointed out (the log's focus). */
  focus: { t: number; nodes: readonly string[] } | null;
  /** The node selected on the canvas, by index (-1: none). */
  node: number;
  /** Trace indexes of the causal chain shown; everything else is dimmed. */
  chain: ReadonlySet<number> | null;
  /** Trace index of the violation whose chain is shown. */
  chainOf: number | null;
}

/** Where things were drawn, for pointing and clicking. */
export interface DrawnFrame {
  scale: TimeScale;
  /** x1,y1,x2,y2 per drawn message, and its index in `data.messages`. */
  segs: number[];
  segIdx: number[];
  /** x,y per drawn mark, and its index in `data.marks`. */
  marks: number[];
  markIdx: number[];
  /** Lifelines: y of each row, top to bottom, the node index drawn in each, and the row height. */
  rows: number[];
  order: readonly number[];
  rowH: number;
  /** Messages drawn, and messages and marks drawn dimmed (outside a causal chain); the bench and tests read them. */
  drawn: number;
  dimmed: number;
  /** Messages and marks that had happened (a prefix of each list): where a later, incremental draw starts. */
  msgEnd: number;
  markEnd: number;
}

/**
 * Which part of the picture to draw: all of it (an export), the settled part (axis,
 * lifelines, messages that arrived and marks: the same from frame to frame while the view
 * holds still, so the screen keeps it and adds only what happens next, from `from`), or the
 * moving part (shaded spans, messages still travelling, the cursor) drawn over it each frame.
 */
export type DiagramPart = { part: 'all' } | { part: 'settled'; from?: { msg: number; mark: number } } | { part: 'moving' };

const LIGHT = {
  bg: '#ffffff',
  text: '#334155',
  faint: '#64748b',
  grid: '#e2e8f0',
  life: '#cbd5e1',
  msg: '#475569',
  lost: '#dc2626',
  held: '#b45309',
  hi: '#4f46e5',
  fault: '#d97706',
  bad: '#dc2626',
  mark: '#64748b',
  crash: 'rgba(220,38,38,0.13)',
  pause: 'rgba(217,119,6,0.16)',
  gap: '#f1f5f9',
  cursor: '#4f46e5',
  row: 'rgba(79,70,229,0.08)',
};
const DARK: typeof LIGHT = {
  bg: '#0f172a',
  text: '#e2e8f0',
  faint: '#94a3b8',
  grid: '#1e293b',
  life: '#334155',
  msg: '#94a3b8',
  lost: '#f87171',
  held: '#fbbf24',
  hi: '#a5b4fc',
  fault: '#fbbf24',
  bad: '#f87171',
  mark: '#94a3b8',
  crash: 'rgba(248,113,113,0.16)',
  pause: 'rgba(251,191,36,0.14)',
  gap: '#1e293b',
  cursor: '#818cf8',
  row: 'rgba(129,140,248,0.12)',
};

/** The palette's background, for exports. */
export const background = (dark: boolean) => (dark ? DARK.bg : LIGHT.bg);

/** A round tick step (1, 2 or 5 times a power of ten) near `ms`. */
function niceStep(ms: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(ms, 1e-6)));
  const f = ms / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

/** A time for the axis: "850 ms", "1.25 s". */
export function tickLabel(t: number, step: number): string {
  if (step >= 1000 || t >= 10_000) return `${+(t / 1000).toFixed(step >= 1000 ? 0 : step >= 100 ? 1 : 2)} s`;
  return `${+t.toFixed(step >= 1 ? 0 : 2)} ms`;
}

/** More messages than this in view: arrowheads are left out and marks drawn as squares, like at a glance. */
const DENSE = 2000;

const fit = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The axis, the grid, squeezed idle stretches and the lifelines with their names. */
function drawFrame(pen: Pen, input: DiagramInput, scale: TimeScale, rows: readonly number[], rowH: number): void {
  const c = input.dark ? DARK : LIGHT;
  const { order, width, height, v0, v1 } = input;
  const xMax = width - 4;
  // Axis, grid and squeezed idle stretches.
  const step = niceStep(scale.msPerPx * 90);
  const grid: number[] = [];
  for (let t = Math.ceil(v0 / step) * step; t <= v1; t += step) {
    if (scale.gaps.some((g) => t > g.t0 && t < g.t1)) continue;
    const x = scale.x(t);
    grid.push(x, AXIS_H - 4, x, height);
    // A tick's label would run into a squeezed stretch's own label: the line alone says enough.
    if (!scale.gaps.some((g) => Math.abs(g.x0 + GAP_PX / 2 - x) < 44)) pen.text(x, 9, tickLabel(t, step), c.faint, { align: 'center', size: 10 });
  }
  pen.lines(grid, c.grid);
  for (const g of scale.gaps) {
    pen.rect(g.x0, AXIS_H, GAP_PX, height - AXIS_H, c.gap);
    const zig: number[] = [];
    for (let y = AXIS_H; y < height; y += 8) zig.push(g.x0 + 7, y, g.x0 + 15, y + 4, g.x0 + 15, y + 4, g.x0 + 7, y + 8);
    pen.lines(zig, c.faint, 0.75);
    const idle = g.t1 - g.t0;
    pen.text(g.x0 + GAP_PX / 2, 9, idle >= 1000 ? `⋯${+(idle / 1000).toFixed(1)}s` : `⋯${Math.round(idle)}ms`, c.faint, { align: 'center', size: 9 });
  }

  // Lifelines and the selected node's row.
  const life: number[] = [];
  order.forEach((node, r) => {
    const y = rows[r];
    if (node === input.node) pen.rect(0, y - rowH / 2, width, rowH, c.row);
    life.push(GUTTER, y, xMax, y);
    pen.text(GUTTER - 8, y, fit(input.names[node], 14), node === input.node ? c.hi : c.text, { align: 'right', size: 11, bold: node === input.node });
  });
  pen.lines(life, c.life);
}

/** The time scale `input` is drawn with. */
export function scaleOf(input: DiagramInput): TimeScale {
  return TimeScale.build(input.v0, input.v1, GUTTER, Math.max(10, input.width - GUTTER - 14), input.idle);
}

/** Draws `what` of the diagram for `input` with `pen` (at `scale`, see scaleOf); returns where things went. */
export function drawDiagram(pen: Pen, input: DiagramInput, what: DiagramPart = { part: 'all' }, scale = scaleOf(input)): DrawnFrame {
  const c = input.dark ? DARK : LIGHT;
  const { data, order, width, height, v0, v1, now, happened, chain } = input;
  const from = what.part === 'settled' ? what.from : undefined;
  const settled = what.part !== 'moving';
  const moving = what.part !== 'settled';
  const rowH = Math.max(16, Math.min(56, (height - AXIS_H - 4) / Math.max(1, order.length)));
  // Node index -> row (-1: not shown), an array: it is read several times per message.
  const rowOf = new Int32Array(Math.max(data.nodes.length, 1)).fill(-1);
  const rows = order.map((node, r) => {
    rowOf[node] = r;
    return AXIS_H + rowH * (r + 0.5);
  });
  const yOf = (node: number) => {
    const r = node >= 0 && node < rowOf.length ? rowOf[node] : -1;
    return r < 0 ? -1 : rows[r];
  };
  const xMax = width - 4;
  const clipX = (x: number) => Math.max(GUTTER, Math.min(xMax, x));
  const msgs = data.messages;
  const marks = data.marks;
  const msgEnd = lowerBound(msgs, (m) => m.i, happened);
  const markEnd = lowerBound(marks, (m) => m.i, happened);
  const out: DrawnFrame = { scale, segs: [], segIdx: [], marks: [], markIdx: [], rows, order, rowH, drawn: 0, dimmed: 0, msgEnd, markEnd };
  if (settled && !from) drawFrame(pen, input, scale, rows, rowH);
  if (moving) {
    for (const s of data.spans) {
      const y = yOf(s.node);
      if (y < 0 || s.from > v1 || s.from > now) continue;
      const a = clipX(scale.x(Math.max(s.from, v0)));
      const b = clipX(scale.x(Math.min(s.to, now, v1)));
      pen.rect(a, y - rowH / 2 + 2, Math.max(2, b - a), rowH - 4, s.kind === 'crash' ? c.crash : c.pause);
    }
  }


  // Messages: everything sent before the cursor that overlaps the view; still travelling ones end at the cursor.
  const plain: number[] = [];
  const dim: number[] = [];
  const lost: number[] = [];
  const held: number[] = [];
  const hi: number[] = [];
  const heads: number[] = [];
  const dimHeads: number[] = [];
  const crosses: number[] = [];
  const travelling: number[] = [];
  const labels: { x: number; y: number; s: string }[] = [];
  const focusNodes = input.focus ? new Set(input.focus.nodes) : null;
  const first = lowerBound(msgs, (m) => m.end, v0);
  const dense = lowerBound(msgs, (m) => m.end, v1) - first > DENSE;
  const seen = new Set<number>();
  // The settled part: messages that arrived (from `from` on); the moving part: the rest.
  const lo = moving && !settled ? Math.max(first, msgEnd) : Math.max(first, from?.msg ?? 0);
  const hiK = settled && !moving ? msgEnd : msgs.length;
  for (let k = lo; k < hiK; k++) {
    const m = msgs[k];
    if (m.end < v0) continue;
    if (m.sent > v1 || m.sent > now) {
      // Sorted by arrival: nothing after this can have been sent in view if it also arrives far later.
      if (m.end > v1 + 120_000) break;
      continue;
    }
    const y1 = yOf(m.from);
    const y2 = yOf(m.to);
    if (y1 < 0 || y2 < 0) continue;
    const arrived = m.i < happened;
    const tEnd = arrived ? m.end : Math.min(now, m.end);
    const x1 = scale.x(Math.max(m.sent, v0 - (v1 - v0)));
    let x2 = scale.x(Math.min(tEnd, v1 + (v1 - v0)));
    let yEnd = y2;
    // A lost message ends half-way; a travelling one where it is now.
    const frac = m.end > m.sent ? (tEnd - m.sent) / (m.end - m.sent) : 1;
    const targetY = m.kind === MsgEnd.Lost ? (y1 + y2) / 2 : y2;
    yEnd = y1 + (targetY - y1) * (arrived ? 1 : frac);
    if (m.kind === MsgEnd.Refused && m.estimated === false) x2 = Math.max(x2, x1 + 6);
    const pointed =
      k === input.hover || (focusNodes !== null && m.sent === input.focus!.t && focusNodes.has(data.nodes[m.from]));
    const inChain = chain === null || chain.has(m.i);
    const list = pointed ? hi : !inChain ? dim : m.kind !== MsgEnd.Delivered ? lost : m.stalled > 0 ? held : plain;
    out.segs.push(x1, y1, x2, yEnd);
    out.segIdx.push(k);
    out.drawn++;
    // Zoomed out, many arrows land on the same pixels: each is stroked once (its style is its list).
    const key = (((Math.round(x1) * 8192 + Math.round(x2)) * 64 + rowOf[m.from]) * 64 + rowOf[m.to]) * 8 + (list === plain ? 0 : list === dim ? 1 : list === lost ? 2 : list === held ? 3 : 4);
    if (arrived && !pointed && m.stalled === 0 && seen.has(key)) continue;
    seen.add(key);
    list.push(x1, y1, x2, yEnd);
    if (!arrived) {
      travelling.push(x2, yEnd);
      continue;
    }
    if (m.kind === MsgEnd.Delivered) {
      // Two short strokes back from the tip make the arrowhead; zoomed far out the heads would
      // only blur together, and the lines still show which way each message went.
      if (dense && !pointed) continue;
      const len = Math.hypot(x2 - x1, yEnd - y1) || 1;
      const ux = (x2 - x1) / len;
      const uy = (yEnd - y1) / len;
      const hx = x2 - ux * 6;
      const hy = yEnd - uy * 6;
      (inChain || pointed ? heads : dimHeads).push(x2, yEnd, hx - uy * 3, hy + ux * 3, x2, yEnd, hx + uy * 3, hy - ux * 3);
      if (m.stalled > 0 && inChain && x2 - x1 > 40) labels.push({ x: (x1 + x2) / 2, y: (y1 + yEnd) / 2 - 7, s: currentFormatter().t('ui.sequence.held', { ms: Math.round(m.stalled) }) });
    } else {
      crosses.push(x2 - 4, yEnd - 4, x2 + 4, yEnd + 4, x2 - 4, yEnd + 4, x2 + 4, yEnd - 4);
    }
  }
  out.dimmed += dim.length / 4;
  pen.alpha(0.18);
  pen.lines(dim, c.msg);
  pen.lines(dimHeads, c.msg);
  pen.alpha(1);
  pen.lines(plain, c.msg);
  pen.lines(held, c.held, 1.25, [4, 3]);
  pen.lines(lost, c.lost, 1.25);
  pen.lines(heads, c.msg);
  pen.lines(crosses, c.lost, 1.75);
  pen.dots(travelling, 2.5, c.msg);
  pen.lines(hi, c.hi, 2.5);
  for (const l of labels) pen.text(l.x, l.y, l.s, c.held, { align: 'center', size: 9 });

  // Local events: faults, violations and the rest, as marks on their lifelines.
  const faults: number[] = [];
  const bad: number[] = [];
  const other: number[] = [];
  const dimMarks: number[] = [];
  const ringed: number[] = [];
  const markSeen = new Set<number>();
  for (let k = settled ? Math.max(lowerBound(marks, (m) => m.t, v0), from?.mark ?? 0) : markEnd; k < markEnd; k++) {
    const m = marks[k];
    if (m.t > v1) break;
    const y = yOf(m.node);
    if (y < 0) continue;
    const x = scale.x(m.t);
    out.marks.push(x, y);
    out.markIdx.push(k);
    const isBad = m.type === 'invariant.violation';
    const list = chain !== null && !chain.has(m.i) ? dimMarks : isBad ? bad : m.type.startsWith('fault.') ? faults : other;
    // One mark per pixel, kind and row: a busy node's marks would otherwise be painted over each other.
    const key = ((Math.round(x) * 64 + rowOf[m.node]) * 4 + (list === dimMarks ? 0 : list === bad ? 1 : list === faults ? 2 : 3));
    if (!markSeen.has(key)) {
      markSeen.add(key);
      list.push(x, y);
    }
    if (m.i === input.chainOf) ringed.push(x, y);
  }
  out.dimmed += dimMarks.length / 2;
  pen.alpha(0.2);
  pen.dots(dimMarks, 2.5, c.mark, dense);
  pen.alpha(1);
  pen.dots(other, 2.5, c.mark, dense);
  pen.dots(faults, 4.5, c.fault);
  for (let k = 0; k < ringed.length; k += 2) pen.circle(ringed[k], ringed[k + 1], 9, 'transparent', c.bad);
  pen.dots(bad, 5, c.bad);

  if (moving && now >= v0 && now <= v1) {
    const nowX = scale.x(now);
    pen.line(nowX, AXIS_H - 2, nowX, height, c.cursor, 1.5);
  }
  return out;
}
