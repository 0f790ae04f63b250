'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { EdgeLabelRenderer, useStore, ViewportPortal, type EdgeProps, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { Fragment, memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { shallow } from 'zustand/shallow';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { selectLinkConn, selectLinkCut, selectLinkWaiting } from '@/stores/selectors';
import { selectFocusSend, selectLinkFocused } from '@/stores/ui-selectors';
import type { LinkEdge } from './flow-types';
import { DENSE_AT, useDenseWire } from './dense-wire';
import { curveLength, curvePath, edgeCurve, facingSides, pointAlong, type Box, type Curve, type Point } from './geometry';
import { MessageDot, MessageTrail, TRAIL_MARKS, TRAIL_STEP } from './message-dot';
import { wireMotion } from './wire-motion';
import { useFarView } from '../nodes/far-view';
import { ScissorsIcon } from '../ui/icons';
import { usePrefersReducedMotion } from '../ui/use-media-query';

/** Labels longer than this are cut short on the wire; the log has the full text. */
const LABEL_MAX = 28;
type Message = PlaybackState['inFlight'][number];
const NONE: readonly Message[] = [];
const byLink = new WeakMap<readonly Message[], Map<string, Message[]>>();
/** The index made last, whose lists a new one keeps where they hold the same messages. */
let lastLinks: Map<string, Message[]> | null = null;
/**
 * The messages on link `id`, the same empty list while it carries none, and the same list while
 * its messages stay the same (the store keeps a message's object while it flies): the wire list
 * changes nearly every frame, and an edge that read it whole re-rendered with it though nothing
 * of its own moved. One index per wire list, shared by every edge.
 */
function selectLinkMessages(s: PlaybackState, id: string): readonly Message[] {
  let links = byLink.get(s.inFlight);
  if (!links) {
    links = new Map();
    for (const m of s.inFlight) {
      const on = links.get(m.link);
      if (on) on.push(m);
      else links.set(m.link, [m]);
    }
    // A crowded wire is painted by MessageCanvas: its edges read only whether they carry any.
    const before = s.inFlight.length > DENSE_AT ? null : lastLinks;
    if (before) for (const [link, on] of links) if (shallow(before.get(link), on)) links.set(link, before.get(link)!);
    byLink.set(s.inFlight, links);
    lastLinks = links;
  }
  return links.get(id) ?? NONE;
}

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

const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

/**
 * The messages on link `id`, drawn where the clock has them: the only part of a link that
 * follows every frame of playback, so the link's paths and labels re-render only when its
 * messages or its state change.
 */
const WireMessages = memo(function WireMessages({ id, source, curve, messages }: { id: string; source: string; curve: Curve; messages: readonly Message[] }) {
  const { say } = useI18n();
  const now = usePlayback((s) => (selectLinkMessages(s, id).length > 0 ? s.time : 0));
  const focusT = useUi(selectFocusSend);
  const still = usePrefersReducedMotion();
  const length = Math.max(1, curveLength(curve));
  return (
    <ViewportPortal>
      {messages.map((m) => {
        const outbound = m.from === source;
        const { travelled, fall } = wireMotion(m, now, still);
        const along = (f: number) => pointAlong(curve, outbound ? f : 1 - f);
        // A trail while it moves; none where it waits (reduced motion) or falls off a cut wire.
        const trail: Point[] = [];
        if (!still && fall === 0) for (let k = 1; k <= TRAIL_MARKS && travelled - (k * TRAIL_STEP) / length > 0; k++) trail.push(along(travelled - (k * TRAIL_STEP) / length));
        const at = along(travelled);
        return (
          <Fragment key={m.seq}>
            <MessageTrail at={at} points={trail} outbound={outbound} />
            <MessageDot
              at={at}
              text={clip(say(m.text))}
              outbound={outbound}
              lost={m.lost}
              revealed={still || fall > 0}
              fall={fall}
              labelBelow={!outbound}
              focused={focusT !== null && m.sentAt === focusT}
            />
          </Fragment>
        );
      })}
    </ViewportPortal>
  );
});

/**
 * A network link. Messages on it are drawn as labelled dots where the engine says they are
 * (wire-motion.ts); a lost one glides towards the middle, then drops and fades. On a crowded
 * wire they are painted by MessageCanvas instead. A cut link is drawn broken, with scissors.
 */
function MessageEdgeImpl({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<LinkEdge>) {
  const { say } = useI18n();
  const a = useBox(source);
  const b = useBox(target);
  // The facing sides once both cards are measured; the handles' points until then.
  const ends = a && b ? facingSides(a, b) : { sx: sourceX, sy: sourceY, sp: sourcePosition, tx: targetX, ty: targetY, tp: targetPosition };
  const curve = useMemo(() => edgeCurve(ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp), [ends.sx, ends.sy, ends.sp, ends.tx, ends.ty, ends.tp]);
  // On a crowded wire MessageCanvas paints the messages: the edge then follows neither the
  // clock nor its messages, only whether anything is on it. An idle edge does not follow the clock.
  const dense = useDenseWire();
  // One subscription for both (hundreds of links subscribe while a big scenario opens).
  const { messages, busy } = usePlayback(
    useShallow((s) => {
      const on = selectLinkMessages(s, id);
      return { messages: dense ? NONE : on, busy: on.length > 0 };
    }),
  );
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
      {/* Above the cards (the edge-label layer lies under them): a message and its label are never hidden by a card it passes. */}
      {messages.length > 0 && <WireMessages id={id} source={source} curve={curve} messages={messages} />}
    </>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
