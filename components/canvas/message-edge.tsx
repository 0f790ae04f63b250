'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { EdgeLabelRenderer, useStore, type EdgeProps, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectLinkBusy, selectLinkConn, selectLinkCut, selectLinkWaiting } from '@/stores/selectors';
import { selectLinkFocused } from '@/stores/ui-selectors';
import type { LinkEdge } from './flow-types';
import { curvePath, edgeCurve, facingSides, pointAlong, type Box } from './geometry';
import { useFarView } from '../nodes/far-view';
import { ScissorsIcon } from '../ui/icons';

const boxOf = (n: InternalNode | undefined): Box | null =>
  n?.measured.width && n.measured.height ? { ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height } : null;
const sameBox = (a: Box | null, b: Box | null) => a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
/**
 * Where card `id` is and how big, compared by value: React Flow hands out a new node object
 * whenever it re-reads a card's handles (for every card once it first observes them), and a
 * link re-rendered for each of those only to draw the same curve.
 */
function useBox(id: string): Box | null {
  return useStore(useCallback((s: ReactFlowState) => boxOf(s.nodeLookup.get(id)), [id]), sameBox);
}

/** A label centred on point `at` of link `id`, in React Flow's edge-label layer; `data` are its data-* attributes. */
function EdgeLabel({ id, at, className, data, children }: { id: string; at: { x: number; y: number }; className: string; data: Record<`data-${string}`, string | true | undefined>; children: ReactNode }) {
  return (
    <div className={`nodrag nopan pointer-events-none absolute top-0 left-0 ${className}`} style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }} data-testid={`edge-${id}`} {...data}>
      {children}
    </div>
  );
}

/**
 * A network link, drawn thicker while messages are on it (WireDots draws them, or, on a
 * crowded wire, MessageCanvas). A cut link is drawn broken, with scissors.
 */
function MessageEdgeImpl({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<LinkEdge>) {
  const { say } = useI18n();
  const a = useBox(source);
  const b = useBox(target);
  // The facing sides once both cards are measured; the handles' points until then.
  const ends = a && b ? facingSides(a, b) : { sx: sourceX, sy: sourceY, sp: sourcePosition, tx: targetX, ty: targetY, tp: targetPosition };
  const curve = useMemo(() => edgeCurve(ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp), [ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp]);
  // The messages themselves are drawn by WireDots (or, on a crowded wire, MessageCanvas): the
  // edge follows neither the clock nor its messages, only whether anything is on it.
  const busy = usePlayback((s) => selectLinkBusy(s, id));
  const { t } = useI18n();
  // The link's state in one subscription, not four (hundreds of links subscribe); phrases are
  // rendered in the selector, since a phrase is a new object every frame and its text is not.
  const { cut, halfOpen, waiting, conn } = usePlayback(
    useShallow((s) => {
      const c = selectLinkConn(s, id);
      return { cut: selectLinkCut(s, id), halfOpen: typeof c !== 'string' && c.id === 'ui.canvas.linkHalfOpen', waiting: say(selectLinkWaiting(s, id)), conn: say(c) };
    }),
  );
  const focused = useUi((s) => selectLinkFocused(s, id));
  const mid = pointAlong(curve, 0.5);
  const d = curvePath(curve);
  // Most links share the scenario's latency: theirs shows on hover (or selected), an unusual one always.
  const [hovered, setHovered] = useState(false);
  const enter = useCallback(() => setHovered(true), []);
  const leave = useCallback(() => setHovered(false), []);
  const latencyShown = !busy && (data?.unusual || hovered || selected);
  // Zoomed out, a latency reads at under 4 px: not drawn at all (a big scenario has hundreds of links).
  const far = useFarView();

  const stroke = cut
    ? { stroke: '#dc2626', strokeDasharray: '7 6', strokeWidth: 2, opacity: 0.8 }
    : focused
      ? { stroke: '#6366f1', strokeWidth: 4 }
      : selected
        ? { stroke: '#6366f1', strokeWidth: 2.5 }
        : busy
          ? { strokeWidth: 2.5 }
          : undefined;

  return (
    <>
      {/* BaseEdge's two paths, hovered on the wide one (no group around them: hundreds of links, an element less each). */}
      <path id={id} d={d} fill="none" className="react-flow__edge-path" style={stroke} />
      <path d={d} fill="none" strokeOpacity={0} strokeWidth={24} className="react-flow__edge-interaction" onPointerEnter={enter} onPointerLeave={leave} />
      {/* Zoomed out, most links have no label: they mount no portal, which reads the DOM for its target on every change of React Flow's store. */}
      {(cut || waiting || conn || !far || selected) && (
        <EdgeLabelRenderer>
          {cut ? (
            <EdgeLabel id={id} at={mid} className="flex items-center gap-1 rounded-full border border-red-300 bg-white px-1.5 py-0.5 text-[10px] font-semibold text-red-700 shadow-sm dark:border-red-800 dark:bg-slate-950 dark:text-red-300" data={{ 'data-cut': 'true', 'data-conn': waiting ? 'retransmitting' : 'cut' }}>
              <ScissorsIcon width={12} height={12} />
              {waiting ? t('ui.canvas.cutWaiting', { waiting }) : t('ui.canvas.cut')}
            </EdgeLabel>
          ) : waiting ? (
            // A TCP connection retransmitting after a loss: what waits, and how long until the next try.
            <EdgeLabel id={id} at={mid} className="rounded-full border border-amber-300 bg-white px-1.5 py-0.5 text-[10px] font-semibold text-amber-800 shadow-sm dark:border-amber-700 dark:bg-slate-950 dark:text-amber-200" data={{ 'data-conn': 'retransmitting' }}>
              {t('ui.canvas.retransmitting', { waiting })}
            </EdgeLabel>
          ) : conn ? (
            // A connection just ended, or one end does not know yet that it has.
            <EdgeLabel id={id} at={mid} className="rounded-full border border-rose-300 bg-white px-1.5 py-0.5 text-[10px] font-semibold text-rose-800 shadow-sm dark:border-rose-700 dark:bg-slate-950 dark:text-rose-200" data={{ 'data-conn': halfOpen ? 'half-open' : 'ended' }}>
              {conn}
            </EdgeLabel>
          ) : (
            // The link's latency, while it is idle: a label fixed mid-wire would sit under passing messages.
            <EdgeLabel id={id} at={mid} className={`rounded bg-slate-50/90 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-950/90 dark:text-slate-400 ${latencyShown ? '' : 'invisible'}`} data={{ 'data-shown': latencyShown || undefined }}>
              {data?.latency}
            </EdgeLabel>
          )}
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
