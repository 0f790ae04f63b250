'use client';

import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectInFlight, selectLinkCut, selectTime } from '@/stores/selectors';
import { selectFocusSend, selectLinkFocused } from '@/stores/ui-selectors';
import type { LinkEdge } from './flow-types';
import { curvePath, edgeCurve, facingSides, pointAlong, type Box } from './geometry';
import { MessageDot } from './message-dot';
import { ScissorsIcon } from '../ui/icons';
import { usePrefersReducedMotion } from '../ui/use-media-query';

/** Labels longer than this are cut short on the wire; the log has the full text. */
const LABEL_MAX = 28;
/** A lost message glides for this share of its life, then falls off the wire. */
const GLIDE = 0.7;

const boxOf = (n: InternalNode | undefined): Box | null =>
  n?.measured.width && n.measured.height ? { ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height } : null;

const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

/**
 * A network link. Messages on it are drawn where the engine says they are: a message sent at
 * `sentAt` that arrives at `arriveAt` is (now − sentAt)/(arriveAt − sentAt) of the way along.
 * A lost message vanishes half-way (the engine drops it there, at `arriveAt`): it glides
 * towards the middle, then drops and fades. A cut link is drawn broken, with scissors.
 */
function MessageEdgeImpl({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<LinkEdge>) {
  const a = boxOf(useInternalNode(source));
  const b = boxOf(useInternalNode(target));
  // The facing sides once both cards are measured; the handles' points until then.
  const ends = a && b ? facingSides(a, b) : { sx: sourceX, sy: sourceY, sp: sourcePosition, tx: targetX, ty: targetY, tp: targetPosition };
  const curve = useMemo(() => edgeCurve(ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp), [ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp]);
  const all = usePlayback(selectInFlight);
  const messages = useMemo(() => all.filter((m) => m.link === id), [all, id]);
  const now = usePlayback(selectTime);
  const cut = usePlayback((s) => selectLinkCut(s, id));
  const focused = useUi((s) => selectLinkFocused(s, id));
  const focusT = useUi(selectFocusSend);
  const still = usePrefersReducedMotion();
  const mid = pointAlong(curve, 0.5);

  const stroke = cut
    ? { stroke: '#dc2626', strokeDasharray: '7 6', strokeWidth: 2, opacity: 0.8 }
    : focused
      ? { stroke: '#6366f1', strokeWidth: 4 }
      : selected
        ? { stroke: '#6366f1', strokeWidth: 2.5 }
        : messages.length > 0
          ? { strokeWidth: 2.5 }
          : undefined;

  return (
    <>
      <BaseEdge id={id} path={curvePath(curve)} style={stroke} interactionWidth={24} />
      <EdgeLabelRenderer>
        {cut ? (
          <div
            className="nodrag nopan pointer-events-none absolute top-0 left-0 flex items-center gap-1 rounded-full border border-red-300 bg-white px-1.5 py-0.5 text-[10px] font-semibold text-red-700 shadow-sm dark:border-red-800 dark:bg-slate-950 dark:text-red-300"
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
            data-testid={`edge-${id}`}
            data-cut="true"
          >
            <ScissorsIcon width={12} height={12} />
            cut
          </div>
        ) : (
          // The link's latency, while it is idle: a label fixed mid-wire would sit under passing messages.
          <div
            className={`nodrag nopan pointer-events-none absolute top-0 left-0 rounded bg-slate-50/90 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-950/90 dark:text-slate-400 ${messages.length > 0 ? 'invisible' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
            data-testid={`edge-${id}`}
          >
            {data?.latency}
          </div>
        )}
        {messages.map((m) => {
          const span = m.arriveAt - m.sentAt;
          const progress = span > 0 ? Math.min(1, Math.max(0, (now - m.sentAt) / span)) : 1;
          const outbound = m.from === source;
          // Reduced motion: a message waits at the middle of its wire instead of gliding.
          const travelled = still ? 0.5 : m.lost ? 0.5 * Math.min(1, progress / GLIDE) : progress;
          const fall = m.lost && !still ? Math.max(0, (progress - GLIDE) / (1 - GLIDE)) : 0;
          return (
            <MessageDot
              key={m.seq}
              at={pointAlong(curve, outbound ? travelled : 1 - travelled)}
              text={clip(m.text)}
              outbound={outbound}
              lost={m.lost}
              revealed={still || fall > 0}
              fall={fall}
              labelBelow={!outbound}
              focused={focusT !== null && m.sentAt === focusT}
            />
          );
        })}
      </EdgeLabelRenderer>
    </>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
