'use client';

import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { p } from '@/engine/core/phrase';
import type { Scenario } from '@/engine/scenario/schema';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { EditResult } from '@/stores/playback-store';
import type { ScenarioIntervention } from '@/stores/scenario-edits';
import { selectActions, selectLabels, selectScenario, selectTime } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import { formatMs } from './format';
import { interventionText, scenarioTone, userTone } from './intervention-text';
import { CloseIcon } from '../ui/icons';
import { iconButton, sectionTitle } from '../ui/styles';
import { useI18n } from '../i18n/use-i18n';
import { problemSay } from '@/engine/scenario/problems';

interface Row {
  iv: ScenarioIntervention;
  index: number;
}

const byTime = (a: Row, b: Row) => a.iv.at - b.iv.at || a.index - b.index;

/** One intervention: chosen, the cursor goes there; its button removes (or restores) it. */
function Item({ row, scenario, labels, past, action }: { row: Row; scenario: Scenario; labels: Readonly<Record<string, string>>; past: boolean | null; action: { label: string; testId: string; run(): void; icon?: boolean } }) {
  const act = usePlayback(useShallow(selectActions));
  const { iv } = row;
  const i18n = useI18n();
  const { t } = i18n;
  const text = interventionText(iv, scenario, labels, i18n);
  const at = formatMs(iv.at);
  const mine = iv.by === 'user';
  return (
    <li data-testid={past === null ? 'dropped-intervention' : 'intervention'} data-by={mine ? 'user' : 'scenario'} className="group flex items-center gap-1 rounded-lg border border-slate-200 bg-white pr-1 dark:border-slate-700 dark:bg-slate-900">
      <button
        type="button"
        onClick={() => act.seek(iv.at)}
        className="flex min-w-0 flex-1 items-baseline gap-2 rounded-l-lg px-2 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
        title={t('ui.panels.iv-seek', { text, at })}
      >
        <span
          className={`h-2 w-2 shrink-0 rotate-45 rounded-[1px] ${past === null ? 'border border-dashed border-slate-400' : past ? (mine ? 'bg-amber-500' : 'bg-violet-500') : mine ? 'border border-amber-500' : 'border border-violet-500'}`}
          aria-hidden
        />
        <span className="w-20 shrink-0 text-right font-mono text-[11px] text-slate-500 tabular-nums dark:text-slate-400">{formatMs(iv.at)}</span>
        <span className={`min-w-0 flex-1 break-words ${past === null ? 'text-slate-500 line-through decoration-slate-400 dark:text-slate-400' : 'text-slate-800 dark:text-slate-200'}`}>{text}</span>
      </button>
      {action.icon ? (
        <button type="button" data-testid={action.testId} aria-label={t('ui.panels.iv-action', { action: action.label, text, at })} title={action.label} onClick={action.run} className={iconButton}>
          <CloseIcon width={14} height={14} />
        </button>
      ) : (
        <button
          type="button"
          data-testid={action.testId}
          aria-label={t('ui.panels.iv-action', { action: action.label, text, at })}
          onClick={action.run}
          className="h-7 shrink-0 rounded-md border border-slate-300 px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {action.label}
        </button>
      )}
    </li>
  );
}

function Group({ title, tone, note, testId, children }: { title: string; tone: string; note: string; testId: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId} className="mt-3 first:mt-0">
      <h3 className={`mb-1 flex items-center gap-2 px-1 ${sectionTitle}`}>
        <span className={`rounded px-1.5 py-0.5 tracking-normal normal-case ${tone}`}>{title}</span>
      </h3>
      <p className="px-1 pb-1.5 text-xs leading-snug text-slate-600 dark:text-slate-400">{note}</p>
      <ol className="space-y-1">{children}</ol>
    </section>
  );
}

/**
 * The scenario's interventions in time order, the scenario's own (its lesson) apart from the
 * ones the visitor added; each seeks there when chosen. Removing the scenario's own sets it
 * aside, like a branch that dropped it, and anything set aside can be restored.
 */
export default function InterventionsList() {
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const time = usePlayback(selectTime);
  const act = usePlayback(useShallow(selectActions));
  const { notify } = useUi(useShallow(selectUiActions));
  const { t } = useI18n();
  const rows = scenario.interventions.map((iv, index) => ({ iv, index }));
  const own = rows.filter((r) => r.iv.by !== 'user').sort(byTime);
  const mine = rows.filter((r) => r.iv.by === 'user').sort(byTime);
  const dropped = (scenario.dropped ?? []).map((iv, index) => ({ iv, index })).sort(byTime);
  const report = (what: 'remove' | 'restore') => (r: EditResult) => {
    if (!r.ok) notify(p('ui.panels.iv-refused', { what, error: problemSay(r.errors[0]) }), 'warn');
  };
  const remove = (r: Row) => ({ label: r.iv.by === 'user' ? t('ui.panels.iv-remove') : t('ui.panels.iv-setAside'), testId: 'remove-intervention', icon: true, run: () => report('remove')(act.removeIntervention(r.index)) });
  return (
    <section aria-label={t('ui.panels.iv-title')} className="px-3 py-3">
      <p className="px-1 pb-2 text-xs leading-snug text-slate-600 dark:text-slate-400">
        {t('ui.panels.iv-introBefore')}
        <kbd className="rounded border border-slate-300 px-1 font-mono text-[10px] dark:border-slate-600">M</kbd>
        {t('ui.panels.iv-introAfter')}
      </p>
      {rows.length === 0 && dropped.length === 0 && <p className="px-1 text-sm text-slate-600 dark:text-slate-400">{t('ui.panels.iv-none')}</p>}
      {own.length > 0 && (
        <Group title={t('ui.panels.iv-own')} tone={scenarioTone} note={t('ui.panels.iv-ownNote')} testId="scenario-interventions">
          {own.map((r) => (
            <Item key={r.index} row={r} scenario={scenario} labels={labels} past={r.iv.at <= time} action={remove(r)} />
          ))}
        </Group>
      )}
      {mine.length > 0 && (
        <Group title={t('ui.panels.iv-mine')} tone={userTone} note={t('ui.panels.iv-mineNote')} testId="user-interventions">
          {mine.map((r) => (
            <Item key={r.index} row={r} scenario={scenario} labels={labels} past={r.iv.at <= time} action={remove(r)} />
          ))}
        </Group>
      )}
      {dropped.length > 0 && (
        <Group title={t('ui.panels.iv-setAside')} tone="bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200" note={t('ui.panels.iv-droppedNote')} testId="dropped-interventions">
          {dropped.map((r) => (
            <Item key={r.index} row={r} scenario={scenario} labels={labels} past={null} action={{ label: t('ui.panels.iv-restore'), testId: 'restore-intervention', run: () => report('restore')(act.restoreDropped(r.index)) }} />
          ))}
        </Group>
      )}
    </section>
  );
}
