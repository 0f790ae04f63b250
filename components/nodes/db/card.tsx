'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { memo } from 'react';
import type { DbTableView, DbTxnView } from '@/engine/models/db/view';
import { usePlayback } from '@/stores/playback-context';
import { selectLabels } from '@/stores/selectors';
import type { CardProps } from '../kind-ui';
import { NodeCard } from '../node-card';
import { useNodeClock, useNodeView } from '../use-node-live';
import { LockIcon } from './icon';
import { shownRows } from './shown-rows';

const term = 'text-[10px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400';
const cell = 'px-1 py-px text-right font-mono tabular-nums';

/** One table: its rows with committed values, a lock mark, and the uncommitted value beside. */
function Table({ t, holderOf, first }: { t: DbTableView; holderOf: (id: number) => DbTxnView | undefined; first: boolean }) {
  const { t: tr } = useI18n();
  const shown = shownRows(t.rows);
  return (
    <table className="w-full border-collapse text-[11px]" data-testid={`db-table-${t.name}`} data-rows={t.rows.length}>
      <caption className={`${term} text-left`}>{t.name}</caption>
      <thead>
        <tr className="text-[10px] text-slate-500 dark:text-slate-400">
          <th className="px-1 text-left font-medium">{tr('ui.node.db.idColumn')}</th>
          {t.columns.map((c) => (
            <th key={c} className="px-1 text-right font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      {/* The first table's rows are what a glance should read (the key field). */}
      <tbody className={first ? 'key-field' : undefined}>
        {shown.hidden > 0 && (
          <tr data-testid="db-rows-hidden">
            <td colSpan={t.columns.length + 1} className="px-1 py-px text-[10px] text-slate-500 italic dark:text-slate-400">
              {tr('ui.node.db.rowsHidden', { n: shown.hidden })}
            </td>
          </tr>
        )}
        {shown.rows.map((r) => {
          const h = r.lockedBy === null ? undefined : holderOf(r.lockedBy);
          const doubt = h?.inDoubt ?? false;
          const tone = doubt ? 'bg-amber-100 dark:bg-amber-900/40' : r.lockedBy !== null ? 'bg-sky-50 dark:bg-sky-950/50' : '';
          return (
            <tr key={r.id} className={tone} data-testid="db-row" data-row={r.id} data-locked={r.lockedBy ?? undefined}>
              <td className="px-1 py-px font-mono text-slate-800 dark:text-slate-100">
                {r.lockedBy !== null && (
                  <LockIcon
                    width={10}
                    height={10}
                    className={`mr-0.5 inline align-[-1px] ${doubt ? 'text-amber-700 dark:text-amber-300' : 'text-sky-700 dark:text-sky-300'}`}
                    role="img"
                    aria-hidden={false}
                    aria-label={doubt ? tr('ui.node.db.lockedInDoubt') : tr('ui.node.db.lockedBy', { txn: r.lockedBy })}
                  />
                )}
                {r.id}
              </td>
              {r.cells.map((v, i) => {
                const next = Array.isArray(r.pending) ? r.pending[i] : undefined;
                const changed = next !== undefined && next !== v;
                return (
                  <td key={t.columns[i]} className={`${cell} text-slate-800 dark:text-slate-100`}>
                    {r.pending === 'deleted' ? <s>{v ?? '–'}</s> : (v ?? '–')}
                    {changed && <span className="text-sky-700 dark:text-sky-300"> →{next ?? '–'}</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A database: its tables with committed values (locked rows marked, uncommitted changes beside
 * them), its open transactions and XA branches (a prepared branch no session holds is "in
 * doubt"), the statements waiting for a row lock with the time left before ERROR 1205, and how
 * many deadlocks and lock wait timeouts there were.
 */
function DbCardImpl({ id, data, selected }: CardProps<'db'>) {
  const { t: tr } = useI18n();
  const live = useNodeView<'db'>(id);
  const labels = usePlayback(selectLabels);
  const view = live?.view ?? null;
  const now = useNodeClock(id, (view?.waits.length ?? 0) > 0);
  const name = (n: string) => labels[n] ?? n;
  const holderOf = (txn: number) => view?.txns.find((t) => t.id === txn);
  return (
    <NodeCard id={id} label={data.label} kind="db" status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      {view ? (
        <div className="space-y-1.5" data-testid="db-state" data-deadlocks={view.deadlocks} data-timeouts={view.lockTimeouts}>
          {view.tables.map((t, i) => (
            <Table key={t.name} t={t} holderOf={holderOf} first={i === 0} />
          ))}
          {view.txns.length > 0 && (
            <ul className="space-y-0.5" data-testid="db-txns">
              {view.txns.map((t) => (
                <li
                  key={t.id}
                  data-testid="db-txn"
                  data-state={t.state}
                  data-in-doubt={t.inDoubt || undefined}
                  className={`rounded px-1.5 py-0.5 text-[11px] leading-snug ${t.inDoubt ? 'bg-amber-100 font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'}`}
                >
                  {t.xid ? `XA '${t.xid}' ${t.state}` : tr('ui.node.db.txn', { id: t.id })}
                  {t.client !== null && ` · ${name(t.client)}`}
                  {t.inDoubt && tr('ui.node.db.inDoubtTag')}
                  {t.locks.length > 0 && <span className="font-mono font-normal">{tr('ui.node.db.locks', { rows: t.locks.join(', ') })}</span>}
                </li>
              ))}
            </ul>
          )}
          {view.waits.map((w) => (
            <p key={`${w.client}${w.row}`} data-testid="db-wait" className="rounded bg-sky-50 px-1.5 py-0.5 text-[11px] leading-snug wrap-anywhere text-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
              {tr('ui.node.db.wait', { client: name(w.client), row: w.row, holder: w.holder ?? 'none', s: Math.max(0, Math.ceil((w.deadline - now) / 1000)) })}
            </p>
          ))}
          {(view.deadlocks > 0 || view.lockTimeouts > 0) && (
            <p className="text-[11px] text-red-700 dark:text-red-300">
              {view.deadlocks > 0 && tr('ui.node.db.deadlocks', { n: view.deadlocks })}
              {view.deadlocks > 0 && view.lockTimeouts > 0 && ' · '}
              {view.lockTimeouts > 0 && tr('ui.node.db.lockTimeouts', { n: view.lockTimeouts })}
            </p>
          )}
          <p className="text-[10px] text-slate-500 dark:text-slate-400">
            {tr('ui.node.db.commits', { commits: view.commits, rollbacks: view.rollbacks })}
          </p>
        </div>
      ) : (
        <p className="key-field text-slate-500 italic dark:text-slate-400">{tr('ui.nodes.notRunning')}</p>
      )}
    </NodeCard>
  );
}

export const DbCard = memo(DbCardImpl);
