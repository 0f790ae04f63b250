'use client';

import { memo } from 'react';
import type { ProgramView } from '@/engine/core/program';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const PILL: Record<ProgramView['status'], string> = {
  idle: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  working: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
  waiting: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
  holding: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
  done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
};

/** What the status means for the notifications: red once it gave up on one. */
const WORD: Record<ProgramView['status'], string> = { idle: 'idle', working: 'notifying', waiting: 'waiting', holding: 'notifying', done: 'all notified', failed: 'gave up' };

/** A notification service: its notifications, their tries, and the ones it gave up on. */
function NotifierCardImpl({ id, data, selected }: CardProps<'notifier'>) {
  const live = useNodeView<'notifier'>(id);
  const status = live?.status ?? 'up';
  const view = live && status !== 'crashed' ? live.view : null;
  return (
    <NodeCard id={id} label={data.label} kind="notifier" status={status} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="key-field flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5" data-testid="client-status" data-state={view.status}>
          <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold ${PILL[view.status]}`}>{WORD[view.status]}</span>
          {view.detail && (
            <span className="line-clamp-2 min-w-0 font-mono text-[11px] wrap-anywhere text-slate-600 dark:text-slate-300" title={view.detail}>
              {view.detail}
            </span>
          )}
        </div>
      ) : (
        <p className="key-field text-slate-600 italic dark:text-slate-400">{status === 'crashed' ? 'down' : 'not running'}</p>
      )}
    </NodeCard>
  );
}

export const NotifierCard = memo(NotifierCardImpl);
