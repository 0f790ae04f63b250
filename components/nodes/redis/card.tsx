'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RedisState } from '@/engine/models/redis/model';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels, selectSim } from '@/stores/selectors';
import { ttlSpan } from '@/stores/ttl';
import type { RedisFlowNode } from '../canvas/flow-types';
import { formatValue } from './format-value';
import { NodeCard } from './node-card';
import { TtlBar } from './ttl-bar';
import { useNodeClock, useNodeStatic } from './use-node-live';

/** How many keys a card lists before summarising the rest. */
const SHOWN = 8;

/** Replication role, read defensively: older states have none. */
interface RoleView {
  role?: string;
  primary?: string | null;
}

/** An entry as this card reads it: other developers extend the model, so fields are optional. */
interface EntryView {
  value?: unknown;
  expireAt?: number | null;
  type?: string;
}

/** A Redis server: its keyspace, one row per key, with a draining bar for keys with a TTL. */
function RedisNodeImpl({ id, data, selected }: NodeProps<RedisFlowNode>) {
  const live = useNodeStatic(id);
  const sim = usePlayback(selectSim);
  const labels = usePlayback(selectLabels);
  const state = live.state as (RedisState & RoleView) | null;
  const keys = (state?.data?.keys ?? {}) as Record<string, EntryView>;
  const replicaOf = state?.role === 'replica' ? (state.primary ?? '?') : null;
  const names = Object.keys(keys).sort();
  // Only TTL bars need the clock: without them the card stays still while time moves.
  const localNow = useNodeClock(id, names.slice(0, SHOWN).some((k) => typeof keys[k].expireAt === 'number'));
  return (
    <NodeCard
      id={id}
      label={data.label}
      kind="redis"
      status={live.status}
      clockOffset={live.clockOffset}
      selected={selected}
      vertical={data.vertical}
    >
      {replicaOf !== null && (
        <p className="mb-2 text-[11px] text-slate-500 dark:text-slate-400" data-testid="redis-role">
          replica of <span className="font-mono">{labels[replicaOf] ?? replicaOf}</span>
        </p>
      )}
      {names.length === 0 ? (
        <p className="text-slate-500 italic dark:text-slate-400" data-testid="redis-empty">
          no keys
        </p>
      ) : (
        <ul className="space-y-2" aria-label={`${data.label} keys`}>
          {names.slice(0, SHOWN).map((k) => {
            const e = keys[k];
            const exp = typeof e.expireAt === 'number' ? e.expireAt : null;
            return (
              <li key={k} data-testid="redis-key" data-key={k}>
                <div className="flex min-w-0 items-baseline gap-1.5 font-mono text-[11px]">
                  <span className="shrink-0 font-semibold text-slate-800 dark:text-slate-100">{k}</span>
                  {e.type && e.type !== 'string' && (
                    <span className="shrink-0 rounded bg-slate-100 px-1 text-[9px] text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">{e.type}</span>
                  )}
                  <span className="min-w-0 truncate text-slate-600 dark:text-slate-300" title={formatValue(e.value)}>
                    {formatValue(e.value)}
                  </span>
                </div>
                {exp !== null && <TtlBar remaining={exp - localNow} span={ttlSpan(sim, id, k, exp)} />}
              </li>
            );
          })}
          {names.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">+{names.length - SHOWN} more</li>}
        </ul>
      )}
    </NodeCard>
  );
}

export const RedisNode = memo(RedisNodeImpl);
