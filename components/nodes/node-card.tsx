import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeStatus } from '@/engine/core/simulation';

export interface NodeCardProps {
  id: string;
  label: string;
  /** Type name shown beside the label. */
  kind: string;
  icon: ReactNode;
  /** Tailwind classes for the icon tile (the type's colour). */
  tone: string;
  status: NodeStatus;
  /** The node's clock minus true time (ms); shown only when it is off. */
  clockOffset: number;
  selected?: boolean;
  /** Links attach top and bottom instead of left and right. */
  vertical?: boolean;
  children: ReactNode;
}

const FRAME: Record<NodeStatus, string> = {
  up: 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
  crashed: 'border-red-500 bg-red-50 ring-4 ring-red-500/20 dark:border-red-500 dark:bg-red-950/60',
  paused: 'border-dashed border-amber-500 bg-amber-50 ring-4 ring-amber-400/20 dark:bg-amber-950/40',
};

function StatusBadge({ status }: { status: NodeStatus }) {
  if (status === 'crashed') {
    return <span className="rounded-full bg-red-600 px-2 py-0.5 text-[10px] font-bold tracking-wide text-white uppercase">✕ crashed</span>;
  }
  if (status === 'paused') {
    return <span className="rounded-full bg-amber-500 px-2 py-0.5 text-[10px] font-bold tracking-wide text-amber-950 uppercase">❚❚ paused</span>;
  }
  return null;
}

const handle = '!h-2.5 !w-2.5 !border-2 !border-white !bg-slate-400 dark:!border-slate-900 dark:!bg-slate-500';

/**
 * The frame every node shares: a header with the type's icon and the label, the body, and a
 * status treatment a crash or a pause cannot be mistaken through (colour, border style, badge
 * and a faded body, so it reads without colour too).
 */
export function NodeCard({ id, label, kind, icon, tone, status, clockOffset, selected, vertical, children }: NodeCardProps) {
  const skewed = Math.abs(clockOffset) >= 0.5;
  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      className={`w-60 rounded-xl border-2 text-left shadow-sm transition-shadow ${FRAME[status]} ${selected ? 'shadow-lg shadow-slate-900/10 dark:shadow-black/40' : ''}`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} isConnectable={false} className={handle} />
      <header className="flex items-center gap-2 border-b border-black/5 dark:border-white/10 px-3 py-2">
        <span className={`grid h-6 w-6 shrink-0 place-items-center rounded-md text-white ${tone}`}>{icon}</span>
        <span className="min-w-0 flex-1 truncate text-sm leading-tight font-semibold">{label}</span>
        <StatusBadge status={status} />
        {status === 'up' && <span className="text-[10px] font-medium tracking-wide text-slate-400 uppercase dark:text-slate-500">{kind}</span>}
      </header>
      <div className={`px-3 py-2.5 text-xs ${status === 'up' ? '' : 'opacity-60 grayscale'}`}>{children}</div>
      {skewed && (
        <footer className="border-t border-black/5 dark:border-white/10 px-3 py-1 font-mono text-[10px] text-slate-500 dark:text-slate-400">
          clock {clockOffset > 0 ? '+' : '−'}
          {Math.abs(Math.round(clockOffset))} ms
        </footer>
      )}
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} isConnectable={false} className={handle} />
    </div>
  );
}
