'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const chip = 'rounded px-1 py-0.5 font-mono text-[10px]';

/**
 * A message broker: each topic's queues with their message counts; each consumer group with
 * what it has consumed, what is waiting, out with consumers, in its retry topic and in its DLQ;
 * half messages with their check count, and the ones discarded after the last check.
 */
function MqCardImpl({ id, data, selected }: CardProps<'mq'>) {
  const { t: tr } = useI18n();
  const live = useNodeView<'mq'>(id);
  const labels = usePlayback(selectLabels);
  const view = live?.view ?? null;
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="mq" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5 text-[11px]" data-testid="mq-state" data-half={view.half.length} data-dlq={view.groups.reduce((n, g) => n + g.dlq.length, 0)} data-discarded={view.discarded.length}>
          {/* The key field: each topic's queues and their counts. */}
          <div className="key-field space-y-1">
          {view.topics.length === 0 && <p className="text-slate-500 italic dark:text-slate-400">{tr('ui.node.mq.noTopics')}</p>}
          {view.topics.map((t) => (
            <div key={t.name} className="flex flex-wrap items-center gap-1" data-testid="mq-topic">
              <span className="font-semibold text-slate-800 dark:text-slate-100">{t.name}</span>
              {t.queues.map((q) => (
                <span key={q.id} className={`${chip} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`} title={tr('ui.node.mq.queueTitle', { id: q.id, total: q.total })}>
                  q{q.id}:{q.total}
                </span>
              ))}
            </div>
          ))}
          </div>
          {view.half.length > 0 && (
            <ul className="space-y-0.5" data-testid="mq-half" aria-label={tr('ui.node.mq.halfMessages')}>
              {view.half.map((h) => (
                <li key={h.msgId} className="truncate font-mono text-amber-700 dark:text-amber-300" title={tr('ui.node.mq.halfTitle', { msgId: h.msgId, key: h.key, checks: h.checks, max: view.checkMax })}>
                  {tr('ui.node.mq.halfLine', { key: h.key, checks: h.checks, max: view.checkMax })}
                </li>
              ))}
            </ul>
          )}
          {view.discarded.length > 0 && (
            <p className="truncate font-mono font-semibold text-red-700 dark:text-red-300" data-testid="mq-discarded" title={tr('ui.node.mq.discardedTitle')}>
              {tr('ui.node.mq.discarded', { keys: view.discarded.map((d) => d.key).join(', ') })}
            </p>
          )}
          {view.groups.map((g) => (
            <div key={g.name} className="space-y-0.5 border-t border-slate-100 pt-1 dark:border-slate-800" data-testid="mq-group" data-group={g.name} data-consumed={g.consumed} data-remaining={g.remaining}>
              <p className="truncate text-slate-600 dark:text-slate-300">
                <span className="font-semibold text-slate-800 dark:text-slate-100">{g.name}</span>{tr('ui.node.mq.groupCounts', { consumed: g.consumed, remaining: g.remaining })}
                {g.members.length === 0 && <span className="text-amber-700 dark:text-amber-300">{tr('ui.node.mq.noConsumer')}</span>}
              </p>
              {g.inflight.length > 0 && (
                <p className="truncate font-mono text-sky-700 dark:text-sky-300" title={tr('ui.node.mq.outTitle')}>
                  {tr('ui.node.mq.out', { list: g.inflight.map((d) => `${d.key}→${name(d.consumer)}`).join(', ') })}
                </p>
              )}
              {g.retry.length > 0 && (
                <p className="truncate font-mono text-amber-700 dark:text-amber-300" title={tr('ui.node.mq.retryTitle', { topic: g.retryTopic })}>
                  {g.retryTopic}: {g.retry.map((r) => `${r.key} #${r.reconsumeTimes}`).join(', ')}
                </p>
              )}
              {g.dlq.length > 0 && (
                <p className="truncate font-mono font-semibold text-red-700 dark:text-red-300" data-testid="mq-dlq" title={tr('ui.node.mq.dlqTitle', { topic: g.dlqTopic })}>
                  {g.dlqTopic}: {g.dlq.map((d) => d.key).join(', ')}
                </p>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{tr('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const MqCard = memo(MqCardImpl);
