'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useInternalNode, ViewportPortal, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectCausedViolation } from '@/stores/selectors';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const boxOf = (n: InternalNode | undefined): Box | null =>
  n?.measured.width && n.measured.height ? { ...n.internals.positionAbsolute, w: n.measured.width, h: n.measured.height } : null;

/** Where the line from `b`'s centre towards `p` leaves `b` (plus a small gap). */
function exitPoint(b: Box, p: { x: number; y: number }, gap = 6): { x: number; y: number } {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const s = Math.min(dx === 0 ? Infinity : (b.w / 2 + gap) / Math.abs(dx), dy === 0 ? Infinity : (b.h / 2 + gap) / Math.abs(dy));
  return { x: cx + dx * s, y: cy + dy * s };
}

const selectCauseEnds = (s: Parameters<typeof selectCausedViolation>[0]) => {
  const v = selectCausedViolation(s);
  return v && v.causeNode !== v.nodes[0] ? `${v.causeNode}>${v.nodes[0]}` : null;
};

/**
 * The causal link of the latest violation whose cause is known, drawn over the canvas from the
 * node that caused it (amber, "cause") to the node the violation happened at. An overlay of its
 * own, in flow coordinates, so the edges stay as they are.
 */
function CauseLinkImpl() {
  const { t } = useI18n();
  const ends = usePlayback(selectCauseEnds);
  const [from, to] = ends ? ends.split('>') : ['', ''];
  const a = boxOf(useInternalNode(from));
  const b = boxOf(useInternalNode(to));
  if (!ends || !a || !b) return null;
  const p = exitPoint(a, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  const q = exitPoint(b, { x: a.x + a.w / 2, y: a.y + a.h / 2 }, 10);
  // A gentle arc, so the link does not sit on top of a straight network edge.
  const mx = (p.x + q.x) / 2 - (q.y - p.y) * 0.15;
  const my = (p.y + q.y) / 2 + (q.x - p.x) * 0.15;
  const left = Math.min(p.x, q.x, mx) - 20;
  const top = Math.min(p.y, q.y, my) - 20;
  const width = Math.max(p.x, q.x, mx) - left + 20;
  const height = Math.max(p.y, q.y, my) - top + 20;
  const lx = (p.x + 2 * mx + q.x) / 4;
  const ly = (p.y + 2 * my + q.y) / 4;
  return (
    <ViewportPortal>
      <svg
        data-testid="cause-link"
        data-from={from}
        data-to={to}
        aria-hidden
        className="pointer-events-none absolute overflow-visible"
        style={{ left, top, width, height, zIndex: 5 }}
        viewBox={`${left} ${top} ${width} ${height}`}
      >
        <defs>
          <marker id="cause-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" fill="#f59e0b" />
          </marker>
        </defs>
        <path d={`M${p.x} ${p.y}Q${mx} ${my} ${q.x} ${q.y}`} fill="none" stroke="#f59e0b" strokeWidth={3} strokeDasharray="2 6" strokeLinecap="round" markerEnd="url(#cause-arrow)" />
      </svg>
      <span
        className="pointer-events-none absolute -translate-x-1/2 -translate-y-1/2 rounded-full bg-amber-400 px-2 py-px text-[10px] font-bold tracking-wide text-amber-950 uppercase shadow"
        style={{ left: lx, top: ly, zIndex: 6 }}
      >
        {t('ui.canvas.cause')}
      </span>
    </ViewportPortal>
  );
}

export const CauseLink = memo(CauseLinkImpl);
