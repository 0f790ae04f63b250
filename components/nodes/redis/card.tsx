'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { TtlBar } from '../ttl-bar';
import { useNodeClock, useNodeView } from '../use-node-live';
import { formatValue } from './format-value';

/** How many keys a card lists before summarising the rest. */
const SHOWN = 8;

/** A Redis server: its keyspace, one row per key, with a draining bar for keys with a TTL. */
function RedisCardImpl({ id, data, selected }: CardProps<'redis'>) {
  const { t } = useI18n();
  const live = useNodeView<'redis'>(id);
  const labels = usePlayback(selectLabels);
  const keys = live?.view.keys ?? [];
  const replicaOf = live?.view.replicaOf ?? null;
  const shown = keys.slice(0, SHOWN);
  // Only TTL bars need the clock: without them the card stays still while time moves.
  const localNow = useNodeClock(id, shown.some((k) => k.expireAt !== null));
  return (
    <NodeCard id={id} label={data.label} kind="redis" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {replicaOf !== null && (
        <p className="mb-2 text-[11px] text-slate-500 dark:text-slate-400" data-testid="redis-role">
          {t('ui.node.redis.replicaOf')}<span className="font-mono">{labels[replicaOf] ?? replicaOf}</span>
        </p>
      )}
      {keys.length === 0 ? (
        <p className="key-field text-slate-500 italic dark:text-slate-400" data-testid="redis-empty">
          {t('ui.node.redis.noKeys')}
        </p>
      ) : (
        <ul className="space-y-2" aria-label={t('ui.node.redis.keys', { label: data.label })}>
          {shown.map((k, i) => (
            <li key={k.name} data-testid="redis-key" data-key={k.name}>
              {/* The first key is the card's key field: the one line that stays readable zoomed out. */}
              <div className={`flex min-w-0 flex-wrap items-baseline gap-x-1.5 font-mono text-[11px] ${i === 0 ? 'key-field' : ''}`}>
                <span className="min-w-0 font-semibold wrap-anywhere text-slate-800 dark:text-slate-100">{k.name}</span>
                {k.type !== 'string' && <span className="shrink-0 rounded bg-slate-100 px-1 text-[9px] text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">{k.type}</span>}
                <span className="min-w-0 truncate text-slate-600 dark:text-slate-300" title={formatValue(k.value)}>
                  {formatValue(k.value)}
                </span>
              </div>
              {/* The model records the TTL with every expiry it sets; a hand-made state without one shows a full bar. */}
              {k.expireAt !== null && <TtlBar remaining={k.expireAt - localNow} span={k.ttlMs ?? Math.max(1, k.expireAt - localNow)} />}
            </li>
          ))}
          {keys.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">{t('ui.nodes.more', { n: keys.length - SHOWN })}</li>}
        </ul>
      )}
    </NodeCard>
  );
}

export const RedisCard = memo(RedisCardImpl);
