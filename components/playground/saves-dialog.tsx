'use client';

import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { p } from '@/engine/core/phrase';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { openDocument } from '@/stores/persistence/documents';
import { addSave, deleteSave, listSaves, type SavedScenario } from '@/stores/persistence/records';
import { selectUiActions } from '@/stores/ui-selectors';
import type { Formatter } from '@/engine/i18n/format';
import { LOCALE } from '@/engine/i18n/langs';
import { documentTitle } from '../panels/library-text';
import { useI18n } from '../i18n/use-i18n';
import { downloadScenario } from '../ui/download';
import { DownloadIcon, UploadIcon } from '../ui/icons';
import { Modal } from '../ui/modal';
import { button, primaryButton, sectionTitle } from '../ui/styles';
import { reportOpen } from './use-document-source';
import { useImportFile } from './use-import-file';

const selectCurrent = (s: PlaybackState) => ({ scenario: s.scenario, time: s.time });

const when = (f: Formatter, ms: number) => (ms > 0 ? new Date(ms).toLocaleString(f.lang === 'en' ? undefined : LOCALE[f.lang], { dateStyle: 'medium', timeStyle: 'short' }) : f.t('ui.playground.saves-unknownDate'));

/** Downloads a damaged save as it is, so nothing is lost even when it can't be opened. */
function downloadRaw(item: Extract<SavedScenario, { ok: false }>) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(item.raw, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'damaged-save.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function SaveRow({ item, onOpen, onDelete }: { item: SavedScenario; onOpen(s: SavedScenario): void; onDelete(s: SavedScenario): void }) {
  const [confirming, setConfirming] = useState(false);
  const i18n = useI18n();
  const { t, say } = i18n;
  const name = say(item.name);
  return (
    <li data-testid="saved-item" className="flex flex-wrap items-center gap-2 py-2.5">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" title={name}>
          {name}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {item.ok ? t('ui.playground.saves-row', { when: when(i18n, item.savedAt), n: item.scenario.nodes.length, s: (item.t / 1000).toFixed(1) }) : <span className="text-amber-800 dark:text-amber-300">{t('ui.playground.saves-damaged', { problem: item.problem })}</span>}
        </p>
      </div>
      {item.ok && (
        <button type="button" className={`${primaryButton} h-8 text-xs`} onClick={() => onOpen(item)} aria-label={t('ui.playground.openNamed', { name: name })}>
          {t('ui.playground.open')}
        </button>
      )}
      <button type="button" className={`${button} h-8 text-xs`} onClick={() => (item.ok ? downloadScenario(item.scenario) : downloadRaw(item))} aria-label={t('ui.playground.saves-downloadNamed', { name: name })}>
        <DownloadIcon width={14} height={14} />
      </button>
      <button
        type="button"
        className={`${button} h-8 text-xs ${confirming ? '!border-red-500 !text-red-700 dark:!text-red-300' : ''}`}
        onClick={() => (confirming ? onDelete(item) : setConfirming(true))}
        onBlur={() => setConfirming(false)}
        aria-label={confirming ? t('ui.playground.saves-reallyDelete', { name: name }) : t('ui.playground.saves-deleteNamed', { name: name })}
      >
        {confirming ? t('ui.playground.saves-deleteAsk') : t('ui.playground.saves-delete')}
      </button>
    </li>
  );
}

/**
 * The visitor's own scenarios: save the current one under a name, reopen or delete saved ones,
 * and move scenarios in and out as `.json` files. Everything stays in this browser.
 */
export default function SavesDialog() {
  const { openDialog } = useUi(useShallow(selectUiActions));
  const { scenario, time } = usePlayback(useShallow(selectCurrent));
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const importFile = useImportFile();
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(() => documentTitle(i18n, scenario.title));
  const [list, setList] = useState(() => listSaves());
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'warn' } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => setList(listSaves());

  const save = () => {
    const r = addSave(name, scenario, time, Date.now());
    setMessage(r.ok ? { text: t('ui.playground.saves-savedAs', { name: r.value.name }), tone: 'ok' } : { text: r.error, tone: 'warn' });
    refresh();
  };
  const open = async (s: SavedScenario) => {
    if (!s.ok) return;
    const r = await openDocument(playback, s.scenario, { t: s.t, now: Date.now() });
    reportOpen(ui, p('ui.playground.quoted', { name: s.name }), r);
    if (r.ok) openDialog(null);
    else if (!r.superseded) refresh();
  };
  const remove = (s: SavedScenario) => {
    const r = deleteSave(s.id);
    setMessage(r.ok ? { text: t('ui.playground.saves-deleted', { name: s.name }), tone: 'ok' } : { text: r.error, tone: 'warn' });
    refresh();
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (await importFile(file)) openDialog(null);
  };

  return (
    <Modal title={t('ui.playground.savedScenarios')} testId="saves" onClose={() => openDialog(null)} size="lg">
      <div className="space-y-5 px-5 py-4 text-sm">
        <section aria-labelledby="save-current" className="space-y-2">
          <h3 id="save-current" className={sectionTitle}>
            {t('ui.playground.saves-saveCurrent')}
          </h3>
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <input
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              aria-label={t('ui.playground.saves-name')}
              data-testid="save-name"
              className="h-9 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-800"
            />
            <button type="submit" data-testid="save-submit" className={primaryButton}>
              {t('ui.playground.saves-save')}
            </button>
          </form>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('ui.playground.saves-autosaveNote')}</p>
        </section>

        {message && (
          <p role={message.tone === 'warn' ? 'alert' : 'status'} data-testid="saves-message" className={message.tone === 'warn' ? 'text-amber-800 dark:text-amber-300' : 'text-emerald-800 dark:text-emerald-300'}>
            {message.text}
          </p>
        )}

        <section aria-labelledby="saved-list" className="space-y-1">
          <h3 id="saved-list" className={sectionTitle}>
            {t('ui.playground.saves-inBrowser')}
          </h3>
          {!list.ok ? (
            <p role="alert" className="text-amber-800 dark:text-amber-300">
              {t('ui.playground.saves-unreadable', { error: list.error })}
            </p>
          ) : list.value.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">{t('ui.playground.saves-none')}</p>
          ) : (
            <ul data-testid="saved-list" className="divide-y divide-slate-200 dark:divide-slate-800">
              {list.value.map((s) => (
                <SaveRow key={s.id} item={s} onOpen={(x) => void open(x)} onDelete={remove} />
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="files" className="space-y-2">
          <h3 id="files" className={sectionTitle}>
            {t('ui.playground.saves-files')}
          </h3>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => fileInput.current?.click()} data-testid="import-file">
              <UploadIcon />
              {t('ui.playground.saves-import')}
            </button>
            <button type="button" className={button} onClick={() => downloadScenario(scenario)} data-testid="export-file">
              <DownloadIcon />
              {t('ui.playground.saves-export')}
            </button>
            <input ref={fileInput} type="file" accept=".json,application/json" className="hidden" data-testid="import-input" onChange={(e) => void onFile(e.target.files?.[0])} />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('ui.playground.saves-filesNote')}</p>
        </section>
      </div>
    </Modal>
  );
}
