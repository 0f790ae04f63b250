'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useShallow } from 'zustand/react/shallow';
import { selectGuide } from '@/stores/guide';
import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { selectEntry } from '@/stores/selectors';
import { command, hint, keyLabel } from '../panels/commands';
import { formatMs } from '../panels/format';
import { libraryText } from '../panels/library-text';
import { TryList } from '../panels/try-list';
import { button, primaryButton } from '../ui/styles';

const selectPlaying = (s: { playing: boolean }) => s.playing;

/**
 * Guided mode's card over the canvas: the moment the run halted at, in one line, and the way
 * on (a click, or the registry's key). After the last moment it offers the "try this" items
 * that change the scenario: each applies its change and replays, guided again.
 */
export function GuideCard() {
  const view = usePlayback(useShallow((s) => selectGuide(s)));
  const entry = usePlayback(selectEntry);
  const playing = usePlayback(selectPlaying);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const i18n = useI18n();
  const { t } = i18n;
  if (!view) return null;
  // The built-in's caption in the reader's language (its English when not translated yet).
  const caption = view.stop && view.caption !== null && view.entryId ? libraryText(i18n, view.entryId, `guide-${view.stop.id}`, view.caption) : view.caption;
  const perform = (name: string) => command(name).perform({ playback: playback.getState(), ui: ui.getState() });
  const tries = (entry?.tryThis ?? []).filter((t) => t.change);
  const nextKey = keyLabel(command('guideNext').keys[0]);
  return (
    <section
      data-testid="guide-card"
      aria-label={t('ui.canvas.guidedTour')}
      className="pointer-events-auto absolute inset-x-3 top-3 z-20 mx-auto max-w-md md:top-auto md:bottom-3 rounded-xl border border-indigo-300 bg-white/95 px-4 py-3 text-sm text-slate-800 shadow-lg backdrop-blur dark:border-indigo-700 dark:bg-slate-900/95 dark:text-slate-100"
    >
      <div className="flex items-center gap-2 text-[11px] font-semibold tracking-wider text-indigo-700 uppercase dark:text-indigo-300">
        <span className="min-w-0 flex-1">
          {view.stop ? t('ui.canvas.guideAt', { index: view.index, count: view.count, t: formatMs(view.stop.t) }) : t(view.done ? 'ui.canvas.guideEnd' : 'ui.canvas.guidedTour')}
        </span>
        <button type="button" data-testid="guide-exit" onClick={() => perform('guide')} title={hint('guide')} className="rounded px-1.5 py-0.5 normal-case tracking-normal text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          {t('ui.canvas.exit')}
        </button>
      </div>
      <p data-testid="guide-caption" aria-live="polite" className="mt-1 leading-snug">
        {view.stop ? caption : t(view.done ? 'ui.canvas.guideDone' : playing ? 'ui.canvas.guidePlaying' : 'ui.canvas.guidePress')}
      </p>
      {view.done && !view.stop && tries.length > 0 && <TryList items={tries} className="mt-2" />}
      {!view.done || view.stop ? (
        <div className="mt-2 flex justify-end gap-2">
          {view.done ? (
            <button type="button" className={`${button} h-8 text-xs`} onClick={() => perform('guideNext')} data-testid="guide-next">
              {t('ui.canvas.toTheEnd')}
            </button>
          ) : (
            <button type="button" className={`${primaryButton} h-8 text-xs`} onClick={() => perform('guideNext')} disabled={playing} data-testid="guide-next" title={hint('guideNext')}>
              {t('ui.canvas.continue')} <kbd className="rounded bg-white/20 px-1 font-mono text-[10px]">{nextKey}</kbd>
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
