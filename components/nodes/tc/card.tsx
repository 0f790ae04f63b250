'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const ok = 'text-emerald-700 dark:text-emerald-300';
const bad = 'text-red-700 dark:text-red-300';
const mid = 'text-amber-800 dark:text-amber-200';
const tone: Record<string, string> = {
  pending: 'text-slate-500 dark:text-slate-400',
  tried: mid,
  done: mid,
  unknown: mid,
  'try failed': bad,
  failed: bad,
  confirmed: ok,
  cancelled: ok,
  compensated: ok,
};

/**
 * A TCC / Saga coordinator: its latest global transactions, each with its branch table (the
 * participant, what the branch does, its state and how often its second-phase call was retried),
 * and the call in flight or the retry it waits for.
 */
function TcCardImpl({ id, data, selected }: CardProps<'tc'>) {
  const { t, say } = useI18n();
  const live = useNodeView<'tc'>(id);
  const labels = usePlayback(selectLabels);
  const view = live?.view ?? null;
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="tc" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5" data-testid="tc-state">
          {view.gtxs.map((g) => (
            <div key={g.gid} data-testid="tc-gtx" data-gid={g.gid} data-status={g.status}>
              <p className="font-mono text-[11px] font-semibold text-slate-800 dark:text-slate-100">
                {g.gid} <span className="font-sans font-normal text-slate-600 dark:text-slate-300">{t('ui.node.tc.mode', { mode: g.mode === 'tcc' ? 'TCC' : 'saga', status: t('ui.node.tc.gtxStatus', { key: g.status, status: g.status }) })}</span>
              </p>
              <table className="w-full border-collapse text-[11px]">
                <tbody>
                  {g.branches.map((b) => (
                    <tr key={b.id} data-testid="tc-branch" data-state={b.state}>
                      <td className="pr-1 font-mono text-slate-500 dark:text-slate-400">{b.id}</td>
                      <td className="pr-1 text-slate-700 dark:text-slate-200">
                        {say(b.what)}{' '}
                        <span className="text-slate-500 dark:text-slate-400">
                          @{name(b.svc[0])}
                          {b.svc.length > 1 ? ` +${b.svc.length - 1}` : ''}
                        </span>
                      </td>
                      <td className={`text-right font-medium ${tone[b.state]}`}>
                        {t('ui.node.tc.branchState', { key: b.state.replace(/ /g, '_'), state: b.state })}
                        {b.retries > 0 && <span className="font-normal text-slate-600 dark:text-slate-300">{t('ui.node.tc.retries', { n: b.retries })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {(view.calling || view.waiting) && <p className="text-[11px] text-slate-600 dark:text-slate-300">{view.calling ? t('ui.node.tc.calling', { what: view.calling }) : t('ui.node.tc.waitingRetry')}</p>}
          <p className="key-field text-[11px] text-slate-600 dark:text-slate-300">
            {t('ui.node.tc.summary', { succeeded: view.succeeded, failed: view.failed })}
            {view.left > 0 ? t('ui.nodes.toGo', { n: view.left }) : ''}
          </p>
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const TcCard = memo(TcCardImpl);
