'use client';

import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectInFlight, selectLinkCut, selectTime } from '@/stores/selectors';
import { usePrefersReducedMotion } from '../ui/use-media-query';
import type { LinkEdge } from './flow-types';
import { curvePath, edgeCurve, pointAlong } from './geometry';
import { MessageDot } from './message-dot';

/** Labels longer than this are cut short on the wire; the log has the full text. */
const LABEL_MAX = 28;

const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

/**
 * A network link. Messages on it are drawn where the engine says they are: a message sent at
 * `sentAt` that arrives at `arriveAt` is (now − sentAt)/(arriveAt − sentAt) of the way along.
 * A lost message vanishes half-way (the engine drops it then), so it only travels half the path.
 */
function MessageEdgeImpl({ id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<LinkEdge>) {
  const curve = useMemo(
    () => edgeCurve(sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition),
    [sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition],
  );
  const all = usePlayback(selectInFlight);
  const messages = useMemo(() => all.filter((m) => m.link === id), [all, id]);
  const now = usePlayback(selectTime);
  const cut = usePlayback((s) => selectLinkCut(s, id));
  const still = usePrefersReducedMotion();
  const mid = pointAlong(curve, 0.5);

  return (
    <>
      <BaseEdge
        id={id}
        path={curvePath(curve)}
        style={cut ? { stroke: '#ef4444', strokeDasharray: '6 6' } : messages.length > 0 ? { strokeWidth: 2.5 } : undefined}
      />
      <EdgeLabelRenderer>
        {/* The link's latency, while it is idle: a label fixed mid-wire would sit under passing messages. */}
        <div
          className={`nodrag nopan pointer-events-none absolute top-0 left-0 rounded bg-slate-50/90 px-1 font-mono text-[10px] text-slate-500 dark:bg-slate-950/90 dark:text-slate-400 ${messages.length > 0 && !cut ? 'invisible' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
          data-testid={`edge-${id}`}
        >
          {cut ? 'cut' : data?.latency}
        </div>
        {messages.map((m) => {
          const span = m.arriveAt - m.sentAt;
          const progress = span > 0 ? Math.min(1, Math.max(0, (now - m.sentAt) / span)) : 1;
          // Reduced motion: a message waits at the middle of its wire instead of gliding.
          const travelled = still ? 0.5 : progress;
          const outbound = m.from === source;
          const along = (m.lost ? 0.5 : 1) * travelled;
          return (
            <MessageDot
              key={m.seq}
              at={pointAlong(curve, outbound ? along : 1 - along)}
              text={clip(m.text)}
              outbound={outbound}
              lost={m.lost}
              labelBelow={!outbound}
            />
          );
        })}
      </EdgeLabelRenderer>
    </>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
