'use client';

import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { selectEntry, selectScenario } from '@/stores/selectors';
import { command, hint } from './commands';
import { TermText } from './term-text';
import { TryList } from './try-list';
import { button } from '../ui/styles';
import { useI18n } from '../i18n/use-i18n';
import { documentTitle, libraryText } from './library-text';

const selectGuided = (s: { guided: boolean }) => s.guided;

/** What the open scenario is about, what to look at and what to try (from the gallery entry). */
export default function ScenarioNotes() {
  const entry = usePlayback(selectEntry);
  const scenario = usePlayback(selectScenario);
  const guided = usePlayback(selectGuided);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const i18n = useI18n();
  const { t } = i18n;
  const text = (key: string, english: string) => (entry ? libraryText(i18n, entry.id, key, english) : english);
  const toggleGuide = () => command('guide').perform({ playback: playback.getState(), ui: ui.getState() });
  return (
    <section aria-label={t('ui.panels.notes-about')} className="space-y-3 px-4 py-3 text-sm text-slate-700 dark:text-slate-300">
      <h3 className="text-base font-semibold text-slate-900 dark:text-slate-100">{entry ? text('title', entry.title) : documentTitle(i18n, scenario.title)}</h3>
      <p>
        <TermText text={entry ? text('description', entry.description) : (scenario.description ?? t('ui.panels.notes-own'))} />
      </p>
      {entry?.guide && (
        <button type="button" data-testid="guide-start" aria-pressed={guided} onClick={toggleGuide} title={hint('guide', i18n)} className={`${button} h-8 text-xs`}>
          {guided ? t('ui.panels.notes-leaveTour') : t('ui.panels.notes-startTour')}
        </button>
      )}
      {entry && (
        <>
          <div>
            <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{t('ui.panels.notes-watchFor')}</p>
            <p>
              <TermText text={text('watchFor', entry.watchFor)} />
            </p>
          </div>
          {entry.tryThis.length > 0 && (
            <div>
              <p className="mb-0.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{t('ui.panels.notes-tryThis')}</p>
              <TryList items={entry.tryThis} className="-mx-1.5" />
            </div>
          )}
        </>
      )}
      {scenario.monitors.length > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t('ui.panels.notes-invariants')} <span className="font-mono">{scenario.monitors.join(', ')}</span>
        </p>
      )}
    </section>
  );
}
