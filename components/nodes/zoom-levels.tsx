'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Say } from '@/engine/core/phrase';
import type { NodeStatus } from '@/engine/core/simulation';
import type { NodeType } from '@/engine/models/catalog';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { viewOf } from '@/stores/node-views';
import { selectNodeStatus, selectNodeViolation } from '@/stores/selectors';
import { selectEditing, selectNodeFocused } from '@/stores/ui-selectors';
import type { AppNode } from '../canvas/flow-types';
import { nodeUi } from './catalog';
import { farIconId, useFarView } from './far-view';
import { FRAME, handle, StatusBadge } from './node-card';

/**
 * Type size for a far card's name: as large as fits beside the icon, so a name is never broken
 * mid-word ("zookee/per"); a name too long even at the smallest is cut with an ellipsis (and
 * shown whole in the tooltip).
 */
function farLabelSize(label: string): string {
  return label.length <= 5 ? 'text-4xl' : label.length <= 7 ? 'text-3xl' : 'text-2xl';
}

/** A far card's line per view (views are cached per state), as JSON: equal lines compare equal. */
const farLines = new WeakMap<object, string>();

/**
 * What a far card shows of node `id`: its status, then, while it is up, its kind's one line
 * (JSON of the phrase), as one string. A new state whose line reads the same gives an equal
 * string, so the card does not re-render: after a seek, most of 300 cards did only to show
 * the same "14 keys".
 */
function selectFarLine(s: PlaybackState, id: string, kind: NodeType): string {
  const status = selectNodeStatus(s, id);
  if (status !== 'up') return status ?? 'up';
  const summary = nodeUi(kind).summary;
  const n = s.sim.node(id);
  const view = viewOf(n.type, n.state);
  if (!summary || typeof view !== 'object' || view === null) return summary ? `up${JSON.stringify(summary(view as never) ?? null)}` : 'up';
  let line = farLines.get(view);
  if (line === undefined) farLines.set(view, (line = `up${JSON.stringify(summary(view as never) ?? null)}`));
  return line;
}

/**
 * A far card's size on the canvas: as wide as a full card, so the layout does not jump, and of
 * one height whatever it shows, so React Flow can be given it instead of measuring 300 cards
 * (see components/canvas/far-nodes.ts). Its classes below (w-60, h-40) are this size.
 */
export const FAR_CARD = { width: 240, height: 160 } as const;

/**
 * A far card's link handle. While editing, React Flow's own, which starts a link. Otherwise a
 * plain element that only looks like one: React Flow reads its handles' places from the card
 * (when it first observes it) and would lose the links without one, but a <Handle> per side of
 * each of hundreds of cards, each with its store subscriptions and effects, cost the opening of
 * a big scenario more than the rest of the card. (At this zoom a handle is a few pixels wide.)
 * A function, not a component: two components more per card were 600 more for React to mount.
 */
function farHandle(id: string, type: 'source' | 'target', position: Position, editing: boolean) {
  if (editing) return <Handle type={type} position={position} className={handle} />;
  return <div data-nodeid={id} data-handlepos={position} className={`react-flow__handle react-flow__handle-${position} nodrag nopan ${type} ${handle}`} />;
}

/** What a far card shows of node `id`: its line (selectFarLine) and whether it was part of a violation. */
const selectFarFace = (s: PlaybackState, id: string, kind: NodeType) => ({ line: selectFarLine(s, id, kind), violation: selectNodeViolation(s, id) !== null });

/**
 * The zoomed-out card (FAR_CARD in size): the name beside the kind's icon, then two lines of
 * large type: the status while the node is not up, else the kind's one line, and a violation
 * it was part of. A line too long for its room is cut with an ellipsis and shown whole in the
 * tooltip. Hundreds of them are drawn at once, so each is few elements: one grid, the icon as a
 * <use> of the shared sheet (far-view.tsx), and link handles that only take a link while editing.
 */
function FarCard({ id, data, selected }: NodeProps<AppNode>) {
  const { t, say } = useI18n();
  // One subscription per card, not two (hundreds of cards subscribe while a big scenario opens).
  const { line, violation } = usePlayback(useShallow((s) => selectFarFace(s, id, data.kind)));
  const status: NodeStatus = line.startsWith('up') ? 'up' : (line as NodeStatus);
  const { focused, editing } = useUi(useShallow((s) => ({ focused: selectNodeFocused(s, id), editing: selectEditing(s) })));
  const ui = nodeUi(data.kind);
  // The kind's one line from afar (phrases are plain data, so JSON gives it back whole; the
  // formatter keeps the texts it made, and hundreds of cards show the same few).
  const summary = status === 'up' && line.length > 2 ? (JSON.parse(line.slice(2)) as Say | null) : null;
  const summaryText = summary ? say(summary) : '';
  const ring = focused ? 'outline-8 outline-offset-4 outline-indigo-400' : selected ? 'outline-4 outline-offset-4 outline-indigo-500' : '';
  const body = 'col-span-2 h-18 overflow-hidden text-3xl leading-9';
  const summaryLine = summaryText !== '' && (
    <p className={`${violation ? 'truncate' : 'line-clamp-2'} text-slate-600 dark:text-slate-300 ${status === 'up' && !violation ? body : ''}`} title={summaryText}>
      {summaryText}
    </p>
  );
  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      data-far
      className={`grid h-40 w-60 grid-cols-[3rem_minmax(0,1fr)] grid-rows-[3rem_4.5rem] content-start gap-x-3 gap-y-2 rounded-xl border-4 px-4 py-3 text-left ${FRAME[status]} ${ring}`}
    >
      {farHandle(id, 'target', data.vertical ? Position.Top : Position.Left, editing)}
      <svg aria-hidden className={`h-12 w-12 rounded-lg p-[9px] text-white ${ui.tone}`}>
        <use href={`#${farIconId(data.kind)}`} />
      </svg>
      <span className={`min-w-0 self-center truncate leading-tight font-bold ${farLabelSize(data.label)}`} title={data.label}>
        {data.label}
      </span>
      {status === 'up' && !violation ? (
        summaryLine
      ) : (
        <div className={body}>
          {status !== 'up' && (
            <div className="flex h-9 items-center">
              <div className="origin-left scale-[2.2]">
                <StatusBadge status={status} />
              </div>
            </div>
          )}
          {summaryLine}
          {violation && <p className="truncate font-bold text-red-700 dark:text-red-300">{t('ui.nodes.farViolated')}</p>}
        </div>
      )}
      {farHandle(id, 'source', data.vertical ? Position.Bottom : Position.Right, editing)}
    </div>
  );
}

/**
 * A node type's card that trades its details for a far view when zoomed out (see FAR_ZOOM).
 * Each card re-renders only when the zoom crosses the threshold, not on every zoom step.
 */
export function withZoomLevels<P extends NodeProps<AppNode>>(Near: ComponentType<P>): ComponentType<P> {
  function ZoomLevels(props: P) {
    const far = useFarView();
    return far ? <FarCard {...props} /> : <Near {...props} />;
  }
  ZoomLevels.displayName = `ZoomLevels(${Near.displayName ?? Near.name})`;
  return memo(ZoomLevels);
}

