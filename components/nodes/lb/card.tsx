'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

/**
 * A load balancer: its routing policy and each backend's health as its checks see it (up, or
 * down after missed checks), with how many requests it sent there.
 */
function LbCardImpl({ id, data, selected }: CardProps<'lb'>) {
  const { t } = useI18n();
  const live = useNodeView<'lb'>(id);
  const labels = usePlayback(selectLabels);
  const v = live?.view ?? null;
  return (
    <NodeCard id={id} label={data.label} kind="lb" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {v ? (
        <div className="space-y-2">
          <p className="key-field flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className="rounded-full bg-violet-100 px-2 py-0.5 text-[10px] font-semibold text-violet-800 dark:bg-violet-900/50 dark:text-violet-200">
              {t(v.policy === 'sticky' ? 'ui.node.lb.sticky' : 'ui.node.lb.roundRobin')}
            </span>
            {v.inFlight > 0 && <span className="text-[11px] text-slate-500 dark:text-slate-400">{t('ui.node.lb.inFlight', { n: v.inFlight })}</span>}
          </p>
          {v.backends.length === 0 ? (
            <p className="text-[11px] text-slate-500 italic dark:text-slate-400">{t('ui.node.lb.noBackends')}</p>
          ) : (
            <ul className="space-y-1" aria-label={t('ui.node.lb.backends', { label: data.label })}>
              {v.backends.map((b) => (
                <li key={b.id} data-testid="lb-backend" data-id={b.id} data-up={b.up} className="flex min-w-0 items-center gap-1.5 text-[11px]">
                  <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${b.up ? 'bg-emerald-500' : 'bg-red-500'}`} />
                  <span className="min-w-0 truncate font-mono font-semibold text-slate-800 dark:text-slate-100" title={labels[b.id] ?? b.id}>
                    {labels[b.id] ?? b.id}
                  </span>
                  <span className={`shrink-0 font-semibold ${b.up ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}`}>{t(b.up ? 'ui.node.lb.up' : 'ui.node.lb.down')}</span>
                  {b.up && b.fails > 0 && <span className="shrink-0 text-amber-700 dark:text-amber-300">{t('ui.node.lb.missed', { n: b.fails })}</span>}
                  <span className="ml-auto shrink-0 text-slate-500 tabular-nums dark:text-slate-400">{t('ui.node.lb.req', { n: b.sent })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const LbCard = memo(LbCardImpl);
