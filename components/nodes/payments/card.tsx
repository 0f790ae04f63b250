'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import type { PaymentsLogLine } from '@/engine/models/payments/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const TONE: Record<PaymentsLogLine['tone'], string> = {
  ok: 'text-emerald-700 dark:text-emerald-300',
  dup: 'font-semibold text-red-700 dark:text-red-300',
  warn: 'text-amber-700 dark:text-amber-300',
  bad: 'text-red-700 dark:text-red-300',
};


/** How many log lines a card shows. */
const SHOWN = 4;

/**
 * A payment service: where it keeps idempotency keys, how many charges it has made (and which
 * orders were charged twice), what it is working on, and its latest answers.
 */
function PaymentsCardImpl({ id, data, selected }: CardProps<'payments'>) {
  const { t } = useI18n();
  const live = useNodeView<'payments'>(id);
  const labels = usePlayback(selectLabels);
  const { say } = useI18n();
  const view = live?.view ?? null;
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="payments" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5" data-testid="payments-state" data-charges={view.charges} data-replays={view.stats.replays} data-conflicts={view.stats.conflicts} data-refused={view.stats.refused}>
          <div className="flex items-center gap-2">
            <span
              className={`rounded-full px-2 py-0.5 text-[10px] font-semibold ${view.dedupe === 'none' ? 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300' : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200'}`}
            >
              {view.dedupe === 'none' ? t('ui.node.payments.noKeys') : t('ui.node.payments.keysIn', { where: name(view.store ?? view.dedupe) })}
            </span>
          </div>
          <p className="key-field text-[11px] text-slate-600 dark:text-slate-300" data-testid="payments-charges">
            <span className={`font-semibold ${view.doubled.length > 0 ? 'text-red-700 dark:text-red-300' : 'text-slate-800 dark:text-slate-100'}`}>{view.charges}</span>{t('ui.node.payments.chargeWord', { n: view.charges })}
            {view.doubled.length > 0 && <span className="font-semibold text-red-700 dark:text-red-300">{t('ui.node.payments.doubled', { orders: view.doubled.join(', ') })}</span>}
            {view.stats.replays > 0 && t('ui.node.payments.replayed', { n: view.stats.replays })}
          </p>
          {view.inProgress.length > 0 && (
            <ul className="space-y-0.5" data-testid="payments-in-progress">
              {view.inProgress.map((j, i) => (
                <li key={i} className="truncate font-mono text-[11px] text-sky-700 dark:text-sky-300" title={t('ui.node.payments.jobTitle', { phase: j.phase, order: j.order, client: name(j.client), attempt: j.attempt })}>
                  {t('ui.node.payments.job', { phase: j.phase, order: j.order, client: name(j.client), attempt: j.attempt })}
                </li>
              ))}
            </ul>
          )}
          {view.log.length > 0 && (
            <ul className="space-y-0.5 border-t border-slate-100 pt-1.5 dark:border-slate-800" aria-label={t('ui.node.payments.latest', { label: data.label })}>
              {view.log.slice(-SHOWN).map((e, i) => (
                <li key={`${e.at}-${i}`} data-testid="payments-log" className={`truncate font-mono text-[11px] ${TONE[e.tone]}`} title={`${name(e.client)} ${e.order}: ${say(e.what)}`}>
                  {name(e.client)} · {say(e.what)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const PaymentsCard = memo(PaymentsCardImpl);
