'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const term = 'text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400';

const tone: Record<string, string> = {
  working: 'text-slate-700 dark:text-slate-200',
  prepared: 'text-amber-800 dark:text-amber-200',
  'voted no': 'text-red-700 dark:text-red-300',
  committing: 'text-emerald-700 dark:text-emerald-300',
  committed: 'text-emerald-700 dark:text-emerald-300',
  'rolling back': 'text-red-700 dark:text-red-300',
  'rolled back': 'text-red-700 dark:text-red-300',
};

/**
 * A transaction manager: the global transaction in flight with each branch's state, the latest
 * decisions of its durable log (which recovery reads after a crash), and its counts.
 */
function XaTmCardImpl({ id, data, selected }: CardProps<'xa-tm'>) {
  const { t } = useI18n();
  const live = useNodeView<'xa-tm'>(id);
  const labels = usePlayback(selectLabels);
  const view = live?.view ?? null;
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="xa-tm" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5" data-testid="xa-tm-state">
          <p className="text-[11px] text-slate-600 dark:text-slate-300">{t(view.twoPhase ? 'ui.node.xa-tm.twoPhase' : 'ui.node.xa-tm.noTwoPhase')}</p>
          {view.recovering && <p className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">{t('ui.node.xa-tm.recoveringLine')}</p>}
          {view.active && (
            <div data-testid="xa-tm-active">
              <p className="font-mono text-[11px] text-slate-800 dark:text-slate-100">
                {t('ui.node.xa-tm.moves', { gtrid: view.active.gtrid, amount: view.active.amount })}
              </p>
              <ul className="text-[11px]">
                {view.active.branches.map((b) => (
                  <li key={b.db} className={tone[b.state]} data-testid="xa-branch" data-state={b.state}>
                    {name(b.db)}: {b.state}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {view.log.length > 0 && (
            <div>
              <p className={term}>{t('ui.node.xa-tm.log')}</p>
              <ul className="font-mono text-[11px] text-slate-700 dark:text-slate-200" data-testid="xa-tm-log">
                {view.log.map((e) => (
                  <li key={e.gtrid}>
                    {e.decision} {e.gtrid}
                    {e.done ? '' : t('ui.node.xa-tm.telling')}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="key-field text-[11px] text-slate-600 dark:text-slate-300">
            {t('ui.node.xa-tm.summary', { committed: view.committed, rolledBack: view.rolledBack })}
            {view.left > 0 ? t('ui.nodes.toGo', { n: view.left }) : ''}
          </p>
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const XaTmCard = memo(XaTmCardImpl);
