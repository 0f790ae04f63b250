'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import type { ProgramView } from '@/engine/core/program';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectClientWarning } from '@/stores/selectors';
import { selectDraftOf } from '@/stores/ui-selectors';
import { useDenseWire } from '../../canvas/dense-wire';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { TtlBar } from '../ttl-bar';
import { useNodeClock, useNodeView } from '../use-node-live';

const PILL: Record<ProgramView['status'], string> = {
  idle: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  working: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  waiting: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
  holding: 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200',
  done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
};

/** A client machine: what its program is doing now. */
function ClientCardImpl({ id, data, selected }: CardProps<'client'>) {
  const { t, say } = useI18n();
  const live = useNodeView<'client'>(id);
  // While its parameters are being typed into the inspector, the warning follows the draft.
  const draft = useUi((s) => selectDraftOf(s, id));
  // Rendered here: a draft's warning is a new phrase every time, and a selector must return the same value for the same state.
  const warning = usePlayback((s) => {
    const w = selectClientWarning(s, id, draft);
    return w === null ? null : say(w);
  });
  // Each pulsing dot is an animation the compositor runs on its own layer; dozens of them on a
  // busy canvas cost more per frame than everything else (without a GPU), so they stay still there.
  const pulse = !useDenseWire();
  const status = live?.status ?? 'up';
  // A crashed client has lost its program state; the view of the initial state would mislead.
  const view = live && status !== 'crashed' ? live.view : null;
  // A lease the program counts down (Redlock's validity) drains on the client's own clock.
  const localNow = useNodeClock(id, view?.lease !== undefined);
  return (
    <NodeCard id={id} label={data.label} kind="client" status={status} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical} warning={warning}>
      {view ? (
        <div className="key-field flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5" data-testid="client-status" data-state={view.status}>
          <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold ${PILL[view.status]}`}>
            {view.status === 'waiting' && <span className={`mr-1 inline-block h-1.5 w-1.5 rounded-full bg-current align-middle ${pulse ? 'animate-pulse motion-reduce:animate-none' : ''}`} />}
            {t(`ui.nodes.status_${view.status}`)}
          </span>
          {view.detail && (
            <span className="line-clamp-2 min-w-0 font-mono text-[11px] wrap-anywhere text-slate-600 dark:text-slate-300" title={say(view.detail)}>
              {say(view.detail)}
            </span>
          )}
          {view.lease && (
            <div className="w-full" data-testid="client-lease">
              <TtlBar remaining={view.lease.until - localNow} span={view.lease.span} label={say(view.lease.label)} />
            </div>
          )}
        </div>
      ) : (
        <p className="key-field text-slate-600 italic dark:text-slate-400">{t(status === 'crashed' ? 'ui.nodes.downStateLost' : 'ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const ClientCard = memo(ClientCardImpl);
