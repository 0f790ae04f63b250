'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ZookeeperState } from '@/engine/models/zookeeper/model';
import type { WatchTable, Znode } from '@/engine/models/zookeeper/zk/core';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { ZkFlowNode } from '../canvas/flow-types';
import { EyeIcon } from '../ui/icons';
import { NodeCard } from './node-card';
import { TtlBar } from './ttl-bar';
import { useNodeLive } from './use-node-live';

/** How many znodes a card lists before summarising the rest. */
const SHOWN = 10;

/** Session ids are long hex numbers; the last digits tell sessions apart on one server. */
const shortSession = (id: string) => `…${id.slice(-3)}`;

function watchesOn(path: string, data: WatchTable, child: WatchTable): string[] {
  const out: string[] = [];
  for (const w of data[path] ?? []) out.push(w.mode === 'standard' ? `data ${shortSession(w.session)}` : `${w.mode} ${shortSession(w.session)}`);
  for (const w of child[path] ?? []) if (w.mode === 'standard') out.push(`child ${shortSession(w.session)}`);
  return out;
}

function ZnodeRow({ path, z, watches }: { path: string; z: Znode; watches: string[] }) {
  const depth = path === '/' ? 0 : path.split('/').length - 1;
  const name = path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
  return (
    <li data-testid="znode" data-path={path} className="flex min-w-0 items-baseline gap-1.5 font-mono text-[11px]" style={{ paddingLeft: `${(depth - 1) * 10}px` }}>
      <span className="shrink-0 truncate font-semibold text-slate-800 dark:text-slate-100">{name}</span>
      {z.kind === 'ephemeral' && (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-[9px] text-amber-800 uppercase dark:bg-amber-900/50 dark:text-amber-200" title={`ephemeral, owned by session ${z.owner}`}>
          eph {z.owner ? shortSession(z.owner) : ''}
        </span>
      )}
      {z.kind !== 'ephemeral' && z.kind !== 'persistent' && <span className="shrink-0 rounded bg-slate-100 px-1 text-[9px] text-slate-500 uppercase dark:bg-slate-800">{z.kind}</span>}
      {z.data && <span className="min-w-0 truncate text-slate-500 dark:text-slate-400">“{z.data}”</span>}
      <span className="shrink-0 text-[9px] text-slate-500 dark:text-slate-400">v{z.version}</span>
      {watches.length > 0 && (
        <span className="shrink-0 text-[9px] text-sky-600 dark:text-sky-400" title={watches.join(', ')} data-testid="znode-watch">
          <EyeIcon width={10} height={10} className="inline align-[-1px]" aria-label="watches" /> {watches.length}
        </span>
      )}
    </li>
  );
}

/** A ZooKeeper server: the znode tree (ephemerals marked with their session), sessions with time to expiry, and watches. */
function ZookeeperNodeImpl({ id, data, selected }: NodeProps<ZkFlowNode>) {
  const live = useNodeLive(id);
  const labels = usePlayback(selectLabels);
  const core = (live.state as ZookeeperState | null)?.core;
  const paths = core ? Object.keys(core.nodes).filter((p) => p !== '/' && p !== '/zookeeper' && !p.startsWith('/zookeeper/')).sort() : [];
  const sessions = core ? Object.values(core.sessions) : [];
  return (
    <NodeCard
      id={id}
      label={data.label}
      kind="zookeeper"
      status={live.status}
      clockOffset={live.localNow - live.now}
      selected={selected}
      vertical={data.vertical}
    >
      {paths.length === 0 ? (
        <p className="text-slate-500 italic dark:text-slate-400" data-testid="zk-empty">
          no znodes
        </p>
      ) : (
        <ul className="space-y-1" aria-label={`${data.label} znodes`}>
          {paths.slice(0, SHOWN).map((p) => (
            <ZnodeRow key={p} path={p} z={core!.nodes[p]} watches={watchesOn(p, core!.dataWatches, core!.childWatches)} />
          ))}
          {paths.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">+{paths.length - SHOWN} more</li>}
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
                  <span className="truncate text-slate-500 dark:text-slate-400">{s.client ? (labels[s.client] ?? s.client) : 'no connection'}</span>
                  <span className="ml-auto shrink-0 text-[9px] text-slate-500 dark:text-slate-400">{s.ephemerals.length} eph</span>
                </div>
                <TtlBar remaining={s.expireAt - live.localNow} span={s.timeoutMs + (core?.tickTime ?? 0)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </NodeCard>
  );
}

export const ZookeeperNode = memo(ZookeeperNodeImpl);
