'use client';

import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { p } from '@/engine/core/phrase';
import { LIBRARY, TOPICS, type BuiltinScenario } from '@/engine/scenario/library';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectEntry } from '@/stores/selectors';
import { openDocument } from '@/stores/persistence/documents';
import { blankScenario, loadEntry } from '@/stores/scenario-source';
import { selectUiActions } from '@/stores/ui-selectors';
import { useI18n } from '../i18n/use-i18n';
import { libraryText } from '../panels/library-text';
import { Modal } from '../ui/modal';
import { primaryButton } from '../ui/styles';
import { TermText } from '../panels/term-text';
import { reportOpen } from './use-document-source';

function Card({ entry, current, loading, open }: { entry: BuiltinScenario; current: boolean; loading: boolean; open(e: BuiltinScenario): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const text = (key: string, english: string) => libraryText(i18n, entry.id, key, english);
  const title = text('title', entry.title);
  return (
    <li data-testid="gallery-entry" data-id={entry.id} className="flex flex-col rounded-xl border border-slate-200 bg-slate-50/60 p-4 dark:border-slate-700 dark:bg-slate-800/40">
      <div className="flex items-start gap-2">
        <h4 className="min-w-0 flex-1 font-semibold text-slate-900 dark:text-slate-100">{title}</h4>
        {current && <span className="shrink-0 rounded-full bg-indigo-100 px-2 py-0.5 text-[10px] font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">{t('ui.playground.gallery-openNow')}</span>}
      </div>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <TermText text={text('description', entry.description)} />
      </p>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        <span className="font-semibold text-slate-800 dark:text-slate-200">{t('ui.playground.gallery-watchFor')}</span>
        <TermText text={text('watchFor', entry.watchFor)} />
      </p>
      {entry.tryThis.length > 0 && (
        <div className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          <p className="font-semibold text-slate-800 dark:text-slate-200">{t('ui.playground.gallery-tryThis')}</p>
          <ul className="mt-0.5 list-disc space-y-0.5 pl-4">
            {entry.tryThis.map((x, i) => (
              <li key={x.text}>
                <TermText text={text(`try${i}`, x.text)} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-auto flex justify-end pt-3">
        <button type="button" data-testid={`open-${entry.id}`} onClick={() => open(entry)} aria-busy={loading} className={`${primaryButton} h-8 text-xs`} aria-label={t('ui.playground.openNamed', { name: title })}>
          {loading ? t('ui.playground.loading') : t('ui.playground.open')}
        </button>
      </div>
    </li>
  );
}

/** The scenario library, grouped by topic; opening an entry puts it on the canvas. */
export default function GalleryDialog() {
  const { openDialog: close } = useUi(useShallow(selectUiActions));
  const current = usePlayback(selectEntry);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  // The entry whose code is being fetched (its kinds may not have been on the canvas yet).
  const [loading, setLoading] = useState<string | null>(null);
  const i18n = useI18n();
  const { t } = i18n;
  const open = async (e: BuiltinScenario) => {
    setLoading(e.id);
    const loaded = loadEntry(e);
    const r = loaded.ok ? await openDocument(playback, loaded.scenario, { entry: e, now: Date.now() }) : loaded;
    setLoading((id) => (id === e.id ? null : id));
    reportOpen(ui, p('ui.playground.quoted', { name: p(`library.${e.id}.title`) }), r);
    if (!r.ok) return;
    history.replaceState(null, '', `#scenario=${encodeURIComponent(e.id)}`);
    ui.getState().setTab('about');
    close(null);
  };
  const openBlank = async () => {
    setLoading('blank');
    const r = await openDocument(playback, blankScenario(), { entry: null, now: Date.now() });
    setLoading((id) => (id === 'blank' ? null : id));
    reportOpen(ui, t('ui.playground.aBlankScenario'), r);
    if (!r.ok) return;
    history.replaceState(null, '', location.pathname + location.search);
    // Building starts in edit mode: the palette is out.
    ui.getState().setEditing(true);
    close(null);
  };
  const topics = TOPICS.map((topic) => ({ topic, entries: LIBRARY.filter((e) => e.topic === topic) })).filter((g) => g.entries.length > 0);
  return (
    <Modal title={t('ui.playground.gallery-title')} testId="gallery" onClose={() => close(null)} size="xl">
      <div className="space-y-6 px-5 py-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('ui.playground.gallery-intro')}</p>
        <section aria-labelledby="topic-blank" className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed border-slate-300 p-4 dark:border-slate-700">
          <div className="min-w-0 flex-1">
            <h3 id="topic-blank" className="font-semibold text-slate-900 dark:text-slate-100">
              {t('ui.playground.gallery-blank')}
            </h3>
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('ui.playground.gallery-blankIntro')}</p>
          </div>
          <button type="button" data-testid="open-blank" onClick={() => void openBlank()} aria-busy={loading === 'blank'} className={`${primaryButton} h-8 text-xs`}>
            {loading === 'blank' ? t('ui.playground.loading') : t('ui.playground.gallery-startBlank')}
          </button>
        </section>
        {topics.map(({ topic, entries }) => (
          <section key={topic} aria-labelledby={`topic-${topic}`}>
            <h3 id={`topic-${topic}`} className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
              {t(`scenario.topic-${topic}`)}
            </h3>
            <ul className="grid gap-3 sm:grid-cols-2">
              {entries.map((e) => (
                <Card key={e.id} entry={e} current={current?.id === e.id} loading={loading === e.id} open={(x) => void open(x)} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Modal>
  );
}
