import type { Say } from '@/engine/core/phrase';
import { useI18n } from '@/components/i18n/use-i18n';
import { Handle, Position } from '@xyflow/react';
import { memo, type MouseEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeStatus } from '@/engine/core/simulation';
import type { NodeType } from '@/engine/models/catalog';
import { selectGuideFocus } from '@/stores/guide';
import { selectLastReceived } from '@/stores/last-received';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectLabels, selectNodeViolation } from '@/stores/selectors';
import { selectNodeFocused, selectUiActions } from '@/stores/ui-selectors';
import { formatMs } from '../panels/format';
import { MoreIcon } from '../ui/icons';
import { useNodeLook } from './node-look';
import { violationRole } from './violation-roles';

export interface NodeCardProps {
  id: string;
  label: string;
  /** The engine's node type (shown beside the label; picks the icon and colour). */
  kind: NodeType;
  status: NodeStatus;
  /** The node's clock minus true time (ms); shown only when it is off. */
  clockOffset: number;
  selected?: boolean;
  /** Links attach top and bottom instead of left and right. */
  vertical?: boolean;
  /** What this node needs to work (a client with nothing to talk to). */
  warning?: Say | null;
  children: ReactNode;
}

/** The card's frame for each status: a crash or a pause reads at a glance, also zoomed out. */
export const FRAME: Record<NodeStatus, string> = {
  up: 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
  crashed: 'border-red-500 bg-red-50 ring-4 ring-red-500/20 dark:border-red-500 dark:bg-red-950/60',
  paused: 'border-dashed border-amber-500 bg-amber-50 ring-4 ring-amber-400/20 dark:bg-amber-950/40',
};

/** "✕ crashed" / "❚❚ paused" in the header; nothing while up. */
export function StatusBadge({ status }: { status: NodeStatus }) {
  const { t } = useI18n();
  if (status === 'crashed') {
    return <span className="rounded-full bg-red-700 px-2 py-0.5 text-[10px] font-bold tracking-wide text-white uppercase">{t('ui.nodes.crashed')}</span>;
  }
  if (status === 'paused') {
    return <span className="rounded-full bg-amber-500 px-2 py-0.5 text-[10px] font-bold tracking-wide text-amber-950 uppercase">{t('ui.nodes.paused')}</span>;
  }
  return null;
}

/** React Flow's connection handles, styled for the cards. */
export const handle = '!h-3 !w-3 !border-2 !border-white !bg-slate-400 transition-transform hover:!scale-150 hover:!bg-indigo-500 dark:!border-slate-900 dark:!bg-slate-500';

/** The ⋯ button that opens the node's fault menu (for pointer, touch and keyboard alike). */
function MenuButton({ id, label }: { id: string; label: string }) {
  const { t } = useI18n();
  const { openMenu: open } = useUi(useShallow(selectUiActions));
  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    const r = e.currentTarget.getBoundingClientRect();
    open({ kind: 'node', id, x: r.left, y: r.bottom + 4 });
  };
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={t('ui.nodes.faultsFor', { label })}
      aria-haspopup="dialog"
      data-testid={`node-menu-${id}`}
      className="nodrag -mr-1 grid h-6 w-6 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      <MoreIcon width={16} height={16} />
    </button>
  );
}

/** The latest message the node was handed, and when: what it last heard, kept after the dot is gone. */
const LastReceived = memo(function LastReceived({ id }: { id: string }) {
  const { say, t } = useI18n();
  const last = usePlayback((s) => selectLastReceived(s, id));
  const labels = usePlayback(selectLabels);
  if (!last) return null;
  const text = t('ui.nodes.lastReceived', { t: formatMs(last.t), from: labels[last.from] ?? last.from, text: last.text });
  return (
    <p data-testid="last-received" title={text} className="flex min-w-0 gap-1 border-t border-black/5 px-3 py-1 font-mono text-[10px] text-slate-500 dark:border-white/10 dark:text-slate-400">
      <span className="sr-only">{text}</span>
      <span aria-hidden className="shrink-0 tabular-nums">
        ↘ {formatMs(last.t)}
      </span>
      <span aria-hidden className="min-w-0 truncate text-slate-600 dark:text-slate-300">
        {labels[last.from] ?? last.from}: {say(last.text)}
      </span>
    </p>
  );
});

/**
 * A card's header: the kind's icon, the label, the status badge, the kind and the fault menu.
 * Memoised: a card re-renders with its body's state on every step and seek, its header only
 * when its status changes.
 */
const CardHeader = memo(function CardHeader({ id, label, kind, status }: { id: string; label: string; kind: NodeType; status: NodeStatus }) {
  const { t } = useI18n();
  const style = useNodeLook(kind);
  return (
    <header className="flex items-center gap-2 border-b border-black/5 px-3 py-2 dark:border-white/10">
      <span className={`grid h-6 w-6 shrink-0 place-items-center rounded-md text-white ${style.tone}`}>{style.icon(14)}</span>
      <span className="min-w-0 flex-1 truncate text-sm leading-tight font-semibold" title={label}>
        {label}
      </span>
      <StatusBadge status={status} />
      {status === 'up' && <span className="text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{t('ui.nodes.kindTag', { key: kind.replace(/-/g, '_'), kind })}</span>}
      <MenuButton id={id} label={label} />
    </header>
  );
});

/**
 * The frame every node shares: a header with the type's icon and the label, the body, and a
 * status treatment a crash or a pause cannot be mistaken through (colour, border style, badge
 * and a faded body, so it reads without colour too). Below the body: what the node is missing,
 * and the latest invariant violation it was part of, in words.
 */
export function NodeCard({ id, label, kind, status, clockOffset, selected, vertical, warning, children }: NodeCardProps) {
  const { say, t } = useI18n();
  const skewed = Math.abs(clockOffset) >= 0.5;
  const violation = usePlayback((s) => selectNodeViolation(s, id));
  const focused = useUi((s) => selectNodeFocused(s, id));
  const guided = usePlayback((s) => selectGuideFocus(s, id));
  const ring = guided ? 'outline-4 outline-offset-4 outline-amber-400 shadow-lg shadow-amber-400/40' : focused ? 'outline-4 outline-offset-2 outline-indigo-400' : selected ? 'outline-2 outline-offset-2 outline-indigo-500' : '';
  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      data-focused={focused || undefined}
      data-guide-focus={guided || undefined}
      className={`w-60 rounded-xl border-2 text-left shadow-sm transition-shadow motion-reduce:transition-none ${FRAME[status]} ${ring} ${selected ? 'shadow-lg shadow-slate-900/10 dark:shadow-black/40' : ''}`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} className={handle} />
      <CardHeader id={id} label={label} kind={kind} status={status} />
      <div className={`px-3 py-2.5 text-xs ${status === 'up' ? '' : 'opacity-60 grayscale dark:opacity-85'}`}>{children}</div>
      <LastReceived id={id} />
      {skewed && (
        <footer className="border-t border-black/5 px-3 py-1 font-mono text-[10px] text-slate-600 dark:border-white/10 dark:text-slate-400" data-testid="clock-offset">
          {t('ui.nodes.clock', { sign: clockOffset > 0 ? '+' : '−', ms: Math.abs(Math.round(clockOffset)) })}
        </footer>
      )}
      {warning && (
        <p data-testid="node-warning" className="flex gap-1.5 border-t border-amber-200 bg-amber-50 px-3 py-1.5 text-[11px] leading-snug text-amber-900 last:rounded-b-[10px] dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200">
          <span aria-hidden>⚠</span>
          {say(warning)}
        </p>
      )}
      {/* A short badge with the node's part in it; the sentence is in the caption, the log and this tooltip. */}
      {violation && (
        <p data-testid="node-violation" title={say(violation.message)} className="flex items-center gap-1.5 border-t border-red-200 bg-red-50 px-3 py-1 last:rounded-b-[10px] dark:border-red-900 dark:bg-red-950/70">
          <span
            data-testid="violation-role"
            data-cause={violation.causeNode === id || undefined}
            className={`rounded-full px-2 py-px text-[10px] font-bold tracking-wide uppercase ${violation.causeNode === id ? 'bg-amber-400 text-amber-950' : 'bg-red-600 text-white'}`}
          >
            <span aria-hidden>{violation.causeNode === id ? '⚡ ' : '✖ '}</span>
            {say(violationRole(violation, id))}
          </span>
          <span className="sr-only">
            {t(violation.causeNode === id ? 'ui.nodes.causedViolation' : 'ui.nodes.violated')}
            {say(violation.message)}
          </span>
        </p>
      )}
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} className={handle} />
    </div>
  );
}
