'use client';

import type { Say } from '@/engine/core/phrase';
import { useI18n } from '@/components/i18n/use-i18n';
import { memo, type ComponentType } from 'react';
import type { ProgramView } from '@/engine/core/program';
import type { CardProps } from './kind-ui';
import { NodeCard } from './node-card';
import { useNodeView } from './use-node-live';

/** Kinds whose view is one hosted program's status and detail line. */
type ProgramKind = 'attacker' | 'notifier';

/** How a kind puts its program's status: a pill colour and a word per status, from its own side. */
export interface StatusLook {
  pill: Record<ProgramView['status'], string>;
  word: Record<ProgramView['status'], Say>;
}

/**
 * The card of a node that only hosts one program (an attacker, a notifier): its status as a
 * word in a pill, then the program's detail line. The kinds differ only in what a status means
 * to the reader, so they share this card and pass their look.
 */
export function programStatusCard<T extends ProgramKind>(kind: T, look: StatusLook): ComponentType<CardProps<T>> {
  function ProgramStatusCard({ id, data, selected }: CardProps<T>) {
    const { t, say } = useI18n();
    const live = useNodeView<T>(id);
      const status = live?.status ?? 'up';
    const view = live && status !== 'crashed' ? (live.view as ProgramView) : null;
    return (
      <NodeCard id={id} label={data.label} kind={kind} status={status} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
        {view ? (
          <div className="key-field flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5" data-testid="client-status" data-state={view.status}>
            <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold ${look.pill[view.status]}`}>{say(look.word[view.status])}</span>
            {view.detail && (
              <span className="line-clamp-2 min-w-0 font-mono text-[11px] wrap-anywhere text-slate-600 dark:text-slate-300" title={say(view.detail)}>
                {say(view.detail)}
              </span>
            )}
          </div>
        ) : (
          <p className="key-field text-slate-600 italic dark:text-slate-400">{t(status === 'crashed' ? 'ui.nodes.down' : 'ui.nodes.notRunning')}</p>
        )}
      </NodeCard>
    );
  }
  ProgramStatusCard.displayName = `ProgramStatusCard(${kind})`;
  return memo(ProgramStatusCard) as unknown as ComponentType<CardProps<T>>;
}
