'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import type { ZkEnsembleView, ZkWatchView, ZnodeView } from '@/engine/models/zookeeper/view';
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
  const { t } = useI18n();
  return (
    <li data-testid="znode" data-path={z.path} className={`flex min-w-0 items-baseline gap-1.5 font-mono text-[11px] ${first ? 'key-field' : ''}`} style={{ paddingLeft: `${(z.depth - 1) * 10}px` }}>
      <span className="min-w-0 shrink-0 truncate font-semibold text-slate-800 dark:text-slate-100" title={z.path}>
        {z.name}
      </span>
      {z.kind === 'ephemeral' && (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-[9px] text-amber-800 uppercase dark:bg-amber-900/50 dark:text-amber-200" title={t('ui.node.zookeeper.ephTitle', { owner: z.owner ?? '–' })}>
          {t('ui.node.zookeeper.eph')} {z.owner ? shortSession(z.owner) : ''}
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
          <EyeIcon width={10} height={10} className="inline align-[-1px]" aria-label={t('ui.node.zookeeper.watches')} /> {z.watches.length}
        </span>
      )}
    </li>
  );
}

const ROLE_TONE: Record<ZkEnsembleView['role'], string> = {
  leading: 'bg-teal-100 text-teal-800 dark:bg-teal-900/50 dark:text-teal-200',
  following: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  looking: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
};

/** An ensemble member's part in the quorum: its role, epoch and last zxid, who is in sync, and the proposals it holds uncommitted. */
function EnsembleBlock({ e, labels }: { e: ZkEnsembleView; labels: Record<string, string> }) {
  const { t, say } = useI18n();
  const name = (n: string) => labels[n] ?? n;
  return (
    <div className="mb-2 border-b border-slate-100 pb-2 dark:border-slate-800" data-testid="zk-ensemble" data-role={e.role}>
      <p className="key-field flex min-w-0 items-baseline gap-1.5 text-[11px]">
        <span className={`shrink-0 rounded px-1 text-[10px] font-semibold uppercase ${ROLE_TONE[e.role]}`} data-testid="zk-role">
          {t('ui.node.zookeeper.role', { role: e.role })}
        </span>
        <span className="min-w-0 truncate font-mono text-slate-600 dark:text-slate-300" data-testid="zk-zxid" title={t('ui.node.zookeeper.zxidTitle')}>
          e{e.epoch} · {e.zxid}
        </span>
        {!e.serving && <span className="shrink-0 text-[10px] text-amber-700 dark:text-amber-300">{t('ui.node.zookeeper.notServing')}</span>}
      </p>
      <p className="mt-1 truncate text-[10px] text-slate-500 dark:text-slate-400" data-testid="zk-quorum">
        {e.synced !== null
          ? t('ui.node.zookeeper.quorumSynced', { quorum: e.quorum, size: e.size, synced: e.synced.map(name).join(', ') })
          : e.leader !== null
            ? t('ui.node.zookeeper.quorumLeader', { quorum: e.quorum, size: e.size, leader: name(e.leader) })
            : t('ui.node.zookeeper.quorumNoLeader', { quorum: e.quorum, size: e.size })}
      </p>
      {e.pending.length > 0 && (
        <ul className="mt-1 space-y-0.5" aria-label={t('ui.node.zookeeper.pending')}>
          {e.pending.slice(0, 4).map((p) => (
            <li key={p.zxid} className="flex min-w-0 items-baseline gap-1.5 font-mono text-[10px]" data-testid="zk-pending">
              <span className="shrink-0 text-slate-500 dark:text-slate-400">{p.zxid}</span>
              <span className="min-w-0 truncate text-slate-700 dark:text-slate-200" title={say(p.what)}>
                {say(p.what)}
              </span>
              {p.acks !== null && <span className="ml-auto shrink-0 text-[9px] text-slate-500 dark:text-slate-400">{p.acks.length === 0 ? t('ui.node.zookeeper.noAck') : t('ui.node.zookeeper.ack', { list: p.acks.map(name).join(' ') })}</span>}
            </li>
          ))}
          {e.pending.length > 4 && <li className="text-[10px] text-slate-500 dark:text-slate-400">{t('ui.nodes.more', { n: e.pending.length - 4 })}</li>}
        </ul>
      )}
    </div>
  );
}

/** A ZooKeeper server: the znode tree (ephemerals marked with their session), sessions with time to expiry, and watches. */
function ZookeeperCardImpl({ id, data, selected }: CardProps<'zookeeper'>) {
  const { t } = useI18n();
  const live = useNodeView<'zookeeper'>(id);
  const labels = usePlayback(selectLabels);
  const znodes = live?.view.znodes ?? [];
  const sessions = live?.view.sessions ?? [];
  const ensemble = live?.view.ensemble ?? null;
  // Only the sessions' bars need the clock: without sessions the card stays still while time moves.
  const localNow = useNodeClock(id, sessions.length > 0);
  return (
    <NodeCard id={id} label={data.label} kind="zookeeper" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {ensemble && <EnsembleBlock e={ensemble} labels={labels} />}
      {znodes.length === 0 ? (
        <p className={`${ensemble ? '' : 'key-field '}text-slate-500 italic dark:text-slate-400`} data-testid="zk-empty">
          {t('ui.node.zookeeper.noZnodes')}
        </p>
      ) : (
        <ul className="space-y-1" aria-label={t('ui.node.zookeeper.znodes', { label: data.label })}>
          {znodes.slice(0, SHOWN).map((z, i) => (
            <ZnodeRow key={z.path} z={z} first={i === 0 && !ensemble} />
          ))}
          {znodes.length > SHOWN && <li className="text-slate-500 dark:text-slate-400">{t('ui.nodes.more', { n: znodes.length - SHOWN })}</li>}
        </ul>
      )}
      {sessions.length > 0 && (
        <div className="mt-2 border-t border-slate-100 pt-2 dark:border-slate-800">
          <p className="mb-1 text-[10px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t('ui.node.zookeeper.sessions')}</p>
          <ul className="space-y-1.5">
            {sessions.map((s) => (
              <li key={s.id} data-testid="zk-session" data-session={s.id}>
                <div className="flex items-baseline gap-1.5 font-mono text-[11px]">
                  <span className="text-slate-700 dark:text-slate-200">{shortSession(s.id)}</span>
                  <span className="truncate text-slate-500 dark:text-slate-400" title={s.client ? (labels[s.client] ?? s.client) : undefined}>
                    {s.client ? (labels[s.client] ?? s.client) : t(ensemble ? 'ui.node.zookeeper.notConnectedHere' : 'ui.node.zookeeper.noConnection')}
                  </span>
                  <span className="ml-auto shrink-0 text-[9px] text-slate-500 dark:text-slate-400">{t('ui.node.zookeeper.ephCount', { n: s.ephemerals })}</span>
                </div>
                {s.expireAt !== null && <TtlBar remaining={s.expireAt - localNow} span={s.spanMs} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </NodeCard>
  );
}

export const ZookeeperCard = memo(ZookeeperCardImpl);
