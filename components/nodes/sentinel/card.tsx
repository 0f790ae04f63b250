'use client';

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
  none: 'no failover',
  'wait-start': 'failover: electing a leader',
  'select-slave': 'failover: picking a replica',
  'send-slaveof-noone': 'failover: promoting',
  'wait-promotion': 'failover: waiting for the promotion',
  'reconf-slaves': 'failover: repointing replicas',
  'update-config': 'failover: switching the primary',
};

/** A Sentinel: the primary it names, its view of it (ok / sdown / odown), epochs and vote, the failover in progress. */
function SentinelCardImpl({ id, data, selected }: CardProps<'sentinel'>) {
  const live = useNodeView<'sentinel'>(id);
  const labels = usePlayback(selectLabels);
  const name = (n: string) => labels[n] ?? n;
  const v = live?.view;
  return (
    <NodeCard id={id} label={data.label} kind="sentinel" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {v && (
        <div className="space-y-1 text-[11px]" data-testid="sentinel" data-state={v.masterState} data-primary={v.primary} data-failover={v.failover}>
          <p className="key-field flex min-w-0 items-baseline gap-1.5">
            <span className={`shrink-0 rounded px-1 text-[10px] font-semibold uppercase ${STATE_TONE[v.masterState]}`} data-testid="sentinel-state" title="its view of the primary it monitors">
              {v.masterState}
            </span>
            <span className="min-w-0 truncate font-mono font-semibold text-slate-800 dark:text-slate-100" title="the primary it monitors">
              {name(v.monitored)}
            </span>
            {v.tilt && <span className="shrink-0 text-[10px] text-amber-700 dark:text-amber-300">TILT</span>}
          </p>
          <p className="truncate text-slate-600 dark:text-slate-300" data-testid="sentinel-primary" title="what it answers to get-master-addr-by-name">
            {v.masterName} → <span className="font-mono font-semibold">{name(v.primary)}</span>
          </p>
          <p className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400" data-testid="sentinel-epoch" title="current epoch, the vote it gave and the configuration epoch">
            epoch {v.currentEpoch} · vote {v.votedFor === null ? '—' : `${name(v.votedFor)}@${v.voteEpoch}`} · config {v.configEpoch}
          </p>
          <p className={`truncate text-[10px] ${v.failover === 'none' ? 'text-slate-500 dark:text-slate-400' : 'font-semibold text-red-700 dark:text-red-300'}`} data-testid="sentinel-failover">
            {FAILOVER_TEXT[v.failover]}
            {v.promoting !== null && v.failover !== 'none' ? ` (${name(v.promoting)})` : ''}
          </p>
          <p className="truncate text-[10px] text-slate-500 dark:text-slate-400">
            quorum {v.quorum} of {v.sentinels}
            {v.replicas.length > 0 ? ` · replicas ${v.replicas.map((r) => `${name(r.id)}${r.down ? ' (down)' : ''}`).join(', ')}` : ''}
          </p>
        </div>
      )}
    </NodeCard>
  );
}

export const SentinelCard = memo(SentinelCardImpl);
