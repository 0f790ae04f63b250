'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import type { SentinelView } from '@/engine/models/sentinel/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const STATE_TONE: Record<SentinelView['masterState'], string> = {
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  sdown: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
  odown: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
};

/** The failover state machine's steps as a short phrase. */
const FAILOVER_TEXT: Record<SentinelView['failover'], string> = {
  none: 'ui.node.sentinel.fo_none',
  'wait-start': 'ui.node.sentinel.fo_waitStart',
  'select-slave': 'ui.node.sentinel.fo_selectSlave',
  'send-slaveof-noone': 'ui.node.sentinel.fo_promoting',
  'wait-promotion': 'ui.node.sentinel.fo_waitPromotion',
  'reconf-slaves': 'ui.node.sentinel.fo_reconf',
  'update-config': 'ui.node.sentinel.fo_update',
};

/** A Sentinel: the primary it names, its view of it (ok / sdown / odown), epochs and vote, the failover in progress. */
function SentinelCardImpl({ id, data, selected }: CardProps<'sentinel'>) {
  const { t } = useI18n();
  const live = useNodeView<'sentinel'>(id);
  const labels = usePlayback(selectLabels);
  const name = (n: string) => labels[n] ?? n;
  const v = live?.view;
  return (
    <NodeCard id={id} label={data.label} kind="sentinel" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {v && (
        <div className="space-y-1 text-[11px]" data-testid="sentinel" data-state={v.masterState} data-primary={v.primary} data-failover={v.failover}>
          <p className="key-field flex min-w-0 items-baseline gap-1.5">
            <span className={`shrink-0 rounded px-1 text-[10px] font-semibold uppercase ${STATE_TONE[v.masterState]}`} data-testid="sentinel-state" title={t('ui.node.sentinel.stateTitle')}>
              {v.masterState}
            </span>
            <span className="min-w-0 truncate font-mono font-semibold text-slate-800 dark:text-slate-100" title={t('ui.node.sentinel.monitoredTitle')}>
              {name(v.monitored)}
            </span>
            {v.tilt && <span className="shrink-0 text-[10px] text-amber-700 dark:text-amber-300">{t('ui.node.sentinel.tilt')}</span>}
          </p>
          <p className="truncate text-slate-600 dark:text-slate-300" data-testid="sentinel-primary" title={t('ui.node.sentinel.primaryTitle')}>
            {v.masterName} → <span className="font-mono font-semibold">{name(v.primary)}</span>
          </p>
          <p className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400" data-testid="sentinel-epoch" title={t('ui.node.sentinel.epochTitle')}>
            {t('ui.node.sentinel.epoch', { epoch: v.currentEpoch, vote: v.votedFor === null ? '—' : `${name(v.votedFor)}@${v.voteEpoch}`, config: v.configEpoch })}
          </p>
          <p className={`truncate text-[10px] ${v.failover === 'none' ? 'text-slate-500 dark:text-slate-400' : 'font-semibold text-red-700 dark:text-red-300'}`} data-testid="sentinel-failover">
            {t(FAILOVER_TEXT[v.failover])}
            {v.promoting !== null && v.failover !== 'none' ? ` (${name(v.promoting)})` : ''}
          </p>
          <p className="truncate text-[10px] text-slate-500 dark:text-slate-400">
            {t('ui.node.sentinel.quorum', { quorum: v.quorum, sentinels: v.sentinels })}
            {v.replicas.length > 0 ? t('ui.node.sentinel.replicas', { list: v.replicas.map((r) => (r.down ? t('ui.node.sentinel.replicaDown', { name: name(r.id) }) : name(r.id))).join(', ') }) : ''}
          </p>
        </div>
      )}
    </NodeCard>
  );
}

export const SentinelCard = memo(SentinelCardImpl);
