'use client';

import { memo } from 'react';
import type { ZkWatchView, ZnodeView } from '@/engine/models/zookeeper/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import { EyeIcon } from '../../ui/icons';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { TtlBar } from '../ttl-bar';
import { useNodeClock, useNodeView } from '../use-node-live';

/** How many znodes a card lists before summarising the rest. */
const SHOWN = 10;

/** Session ids are long hex numbers; the last digits tell sessions apart on one server. */
const shortSession = (id: string) => `…${id.slice(-3)}`;

const watchText = (w: ZkWatchView) => `${w.kind} ${shortSession(w.session)}`;

/** One znode; the first is the card's key field (the one line that stays readable zoomed out). */
function ZnodeRow({ z, first }: { z: ZnodeView; first: boolean }) {
  return (
    <li data-testid="znode" data-path={z.path} className={`flex min-w-0 items-baseline gap-1.5 font-mono text-[11px] ${first ? 'key-field' : ''}`} style={{ paddingLeft: `${(z.depth - 1) * 10}px` }}>
      <span className="min-w-0 shrink-0 truncate font-semibold text-slate-800 dark:text-slate-100" title={z.path}>
        {z.name}
      </span>
      {z.kind === 'ephemeral' && (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-[9px] text-amber-800 uppercase dark:bg-amber-900/50 dark:text-amber-200" title={`ephemeral, owned by session ${z.owner}`}>
          eph {z.owner ? shortSession(z.owner) : ''}
        </span>
      )}
      {z.kind !== 'ephemeral' && z.kind !== 'persistent' && <span className="shrink-0 rounded bg-slate-100 px-1 text-[9px] text-slate-500 uppercase dark:bg-slate-800">{z.kind}</span>}
      {z.data && (
        <span className="min-w-0 truncate text-slate-500 dark:text-slate-400" title={z.data}>
          “{z.data}”
        </span>
      )}
      <span className="shrink-0 text-[9px] text-slate-500 dark:text-slate-400">v{z.version}</span>
      {z.watches.length > 0 && (
        <span className="shrink-0 text-[9px] text-sky-600 dark:text-sky-400" title={z.watches.map(watchText).join(', ')} data-testid="znode-watch">
          <EyeIcon width={10} height={10} className="inline align-[-1px]" aria-label="watches" /> {z.watches.length}
        </span>
      )}
    </li>
  );
}

/** A ZooKeeper server: the znode tree (ephemerals marked with their session), sessions with time to expiry, and watches. */
function ZookeeperCardImpl({ id, data, selected }: CardProps<'zookeeper'>) {
  const live = useNodeView<'zookeeper'>(id);
  const labels = usePlayback(selectLabels);
  const znodes = live?.view.znodes ?? [];
  const sessions = live?.view.sessions ?? [];
  // Only the sessions' bars need the clock: without sessions the card stays still while time moves.
  const localNow = useNodeClock(id, sessions.length > 0);
  return (
    <NodeCard id={id} label={data.label} kind="zookeeper" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {znodes.length === 0 ? (
        <p className="key-field text-slate-500 italic dark:text-slate-400" data-testid="zk-empty">
          no znodes
        </p>
      ) : (
        <ul className="space-y-1" aria-label={`${data.label} znodes`}>
          {znodes.slice(0, SHOWN).map((z, i) => (
            <ZnodeRow key={z.path} z={z} first={i === 0} />
          ))}
          {znodes.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">+{znodes.length - SHOWN} more</li>}
        </ul>
      )}
      {sessions.length > 0 && (
        <div className="mt-2 border-t border-slate-100 pt-2 dark:border-slate-800">
          <p className="mb-1 text-[10px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">sessions</p>
          <ul className="space-y-1.5">
            {sessions.map((s) => (
              <li key={s.id} data-testid="zk-session" data-session={s.id}>
                <div className="flex items-baseline gap-1.5 font-mono text-[11px]">
                  <span className="text-slate-700 dark:text-slate-200">{shortSession(s.id)}</span>
                  <span className="truncate text-slate-500 dark:text-slate-400" title={s.client ? (labels[s.client] ?? s.client) : undefined}>
                    {s.client ? (labels[s.client] ?? s.client) : 'no connection'}
                  </span>
                  <span className="ml-auto shrink-0 text-[9px] text-slate-500 dark:text-slate-400">{s.ephemerals} eph</span>
                </div>
                <TtlBar remaining={s.expireAt - localNow} span={s.spanMs} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </NodeCard>
  );
}

export const ZookeeperCard = memo(ZookeeperCardImpl);
