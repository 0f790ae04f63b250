'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeView } from '../use-node-live';

const term = 'text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400';

/**
 * The resource a lock protects: whether it checks fencing tokens, the largest token it has
 * seen, the value and who wrote it, how many writes it took and refused, and the latest
 * refusal in words (the moment fencing saved the data).
 */
function StorageCardImpl({ id, data, selected }: CardProps<'storage'>) {
  const { t } = useI18n();
  const live = useNodeView<'storage'>(id);
  const labels = usePlayback(selectLabels);
  const view = live?.view ?? null;
  const refused = view?.refused ?? null;
  const name = (n: string) => labels[n] ?? n;
  return (
    <NodeCard id={id} label={data.label} kind="storage" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5" data-testid="storage-state" data-writes={view.writes} data-rejects={view.rejects}>
          <div className="flex items-center gap-2">
            <span
              className={`rounded-full px-2 py-0.5 text-[10px] font-semibold ${view.fencing ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
            >
              {t(view.fencing ? 'ui.node.storage.fencingOn' : 'ui.node.storage.noFencing')}
            </span>
            <span className="font-mono text-[11px] text-slate-600 dark:text-slate-300" data-testid="storage-token">
              {t('ui.node.storage.token', { token: view.maxToken ?? '–' })}
            </span>
          </div>
          <p className="key-field flex min-w-0 flex-wrap items-baseline gap-x-1.5">
            <span className={term}>{t('ui.node.storage.value')}</span>
            <span className="line-clamp-2 min-w-0 font-mono wrap-anywhere text-[11px] text-slate-800 dark:text-slate-100" title={view.value ?? undefined}>
              {view.value === null ? t('ui.node.storage.empty') : `"${view.value}"`}
            </span>
            {view.lastWriter && <span className="shrink-0 text-[11px] text-slate-500 dark:text-slate-400">{t('ui.node.storage.by', { name: name(view.lastWriter) })}</span>}
          </p>
          <p className="text-[11px] text-slate-600 dark:text-slate-300">
            <span className="font-semibold text-slate-800 dark:text-slate-100">{view.writes}</span>{t('ui.node.storage.accepted', { n: view.writes })}
            {view.rejects > 0 && (
              <>
                {' · '}
                <span className="font-semibold text-red-700 dark:text-red-300">{view.rejects}</span>{t('ui.node.storage.refused')}
              </>
            )}
          </p>
          {/* Wraps rather than cut: two open sections at once is the lesson. */}
          {view.open.length > 0 && (
            <p className="font-mono text-[11px] wrap-anywhere text-slate-600 dark:text-slate-300" data-testid="storage-open">
              {t('ui.node.storage.open', { list: view.open.map((o) => (o.token === null ? o.section : t('ui.node.storage.sectionToken', { section: o.section, token: o.token }))).join(', ') })}
            </p>
          )}
          {refused && (
            <p data-testid="storage-rejected" className="rounded-md bg-red-50 px-2 py-1 text-[11px] leading-snug text-red-800 dark:bg-red-950/60 dark:text-red-200">
              <span aria-hidden>✕ </span>
              {t('ui.node.storage.rejected', { client: name(refused.client), op: refused.op, token: refused.token ?? '–', max: view.maxToken ?? 'none' })}
            </p>
          )}
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{t('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const StorageCard = memo(StorageCardImpl);
