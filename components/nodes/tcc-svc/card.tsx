'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const tone: Record<string, string> = {
  applied: 'text-emerald-700 dark:text-emerald-300',
  refused: 'text-red-700 dark:text-red-300',
  skipped: 'text-slate-600 dark:text-slate-300',
  failed: 'text-amber-800 dark:text-amber-200',
};

/** A participant: whether it runs behind the barrier, the calls in progress, and the last calls it handled. */
function TccSvcCardImpl({ id, data, selected }: CardProps<'tcc-svc'>) {
  const { t } = useI18n();
  const live = useNodeView<'tcc-svc'>(id);
  const labels = usePlayback(selectLabels);
  const { say } = useI18n();
  const view = live?.view ?? null;
  return (
    <NodeCard id={id} label={data.label} kind="tcc-svc" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1" data-testid="tcc-svc-state" data-barrier={view.barrier}>
          <p className="key-field text-[11px] text-slate-600 dark:text-slate-300">
            {t('ui.node.tcc-svc.on', { db: labels[view.db] ?? view.db, barrier: t(view.barrier ? 'ui.node.tcc-svc.barrierOn' : view.cancelGuard ? 'ui.node.tcc-svc.cancelGuard' : 'ui.node.tcc-svc.noBarrier') })}
          </p>
          {view.working.length > 0 && <p className="text-[11px] text-slate-700 dark:text-slate-200">{t('ui.node.tcc-svc.working', { list: view.working.join(', ') })}</p>}
          <ul className="text-[11px]" data-testid="tcc-svc-handled">
            {view.handled.slice(-4).map((h, i) => (
              <li key={i} className={tone[h.outcome]} title={h.reason ? say(h.reason) : undefined}>
                <span className="font-mono">{h.gid}</span> {h.op} {h.account}: {h.outcome}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const TccSvcCard = memo(TccSvcCardImpl);
