'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, type ComponentType } from 'react';
import type { Say } from '@/engine/core/phrase';
import type { NodeStatus } from '@/engine/core/simulation';
import type { NodeType } from '@/engine/models/catalog';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { viewOf } from '@/stores/node-views';
import { selectNodeStatus, selectNodeViolation } from '@/stores/selectors';
import { selectNodeFocused } from '@/stores/ui-selectors';
import type { AppNode } from '../canvas/flow-types';
import { nodeUi } from './catalog';
import { FRAME, handle, StatusBadge } from './node-card';

/**
 * Below this zoom a card's details are under 5 px on screen: unreadable, yet each one costs
 * layout and paint on every frame they change. The card then shows what still reads from
 * afar, in large type: its name, its status, one line of state. Above it the card's key field
 * keeps 11 px on screen by itself (app/globals.css, .key-field), which is what lets a phone
 * show three columns of full cards (about 0.45).
 */
export const FAR_ZOOM = 0.4;

/** Whether the canvas is zoomed out past FAR_ZOOM (a React Flow store selector). */
export const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

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
 * The zoomed-out card (FAR_CARD in size): the name beside the kind's icon, then two lines of
 * large type: the status while the node is not up, else the kind's one line, and a violation
 * it was part of. A line too long for its room is cut with an ellipsis and shown whole in the
 * tooltip.
 */
function FarCard({ id, data, selected }: NodeProps<AppNode>) {
  const { t, say } = useI18n();
  const line = usePlayback((s) => selectFarLine(s, id, data.kind));
  const status: NodeStatus = line.startsWith('up') ? 'up' : (line as NodeStatus);
  const violation = usePlayback((s) => selectNodeViolation(s, id) !== null);
  const focused = useUi((s) => selectNodeFocused(s, id));
  const ui = nodeUi(data.kind);
  // The kind's one line from afar (phrases are plain data, so JSON gives it back whole).
  const summary = status === 'up' && line.length > 2 ? (JSON.parse(line.slice(2)) as Say | null) : null;
  const summaryText = summary ? say(summary) : '';
  const ring = focused ? 'outline-8 outline-offset-4 outline-indigo-400' : selected ? 'outline-4 outline-offset-4 outline-indigo-500' : '';
  return (
    <div data-testid={`node-${id}`} data-status={status} data-far className={`flex h-40 w-60 flex-col rounded-xl border-4 px-4 py-3 text-left ${FRAME[status]} ${ring}`}>
      <Handle type="target" position={data.vertical ? Position.Top : Position.Left} className={handle} />
      <div className="flex h-12 shrink-0 items-center gap-3">
        <span className={`grid h-12 w-12 shrink-0 place-items-center rounded-lg text-white ${ui.tone}`}>{ui.icon(30)}</span>
        <span className={`min-w-0 truncate leading-tight font-bold ${farLabelSize(data.label)}`} title={data.label}>
          {data.label}
        </span>
      </div>
      <div className="mt-2 h-18 overflow-hidden text-3xl leading-9">
        {status !== 'up' && (
          <div className="flex h-9 items-center">
            <div className="origin-left scale-[2.2]">
              <StatusBadge status={status} />
            </div>
          </div>
        )}
        {summary && (
          <p className={`${violation ? 'truncate' : 'line-clamp-2'} text-slate-600 dark:text-slate-300`} title={summaryText}>
            {summaryText}
          </p>
        )}
        {violation && <p className="truncate font-bold text-red-700 dark:text-red-300">{t('ui.nodes.farViolated')}</p>}
      </div>
      <Handle type="source" position={data.vertical ? Position.Bottom : Position.Right} className={handle} />
    </div>
  );
}

/**
 * A node type's card that trades its details for a far view when zoomed out (see FAR_ZOOM).
 * Each card re-renders only when the zoom crosses the threshold, not on every zoom step.
 */
export function withZoomLevels<P extends NodeProps<AppNode>>(Near: ComponentType<P>): ComponentType<P> {
  function ZoomLevels(props: P) {
    const far = useStore(selectFar);
    return far ? <FarCard {...props} /> : <Near {...props} />;
  }
  ZoomLevels.displayName = `ZoomLevels(${Near.displayName ?? Near.name})`;
  return memo(ZoomLevels);
}

