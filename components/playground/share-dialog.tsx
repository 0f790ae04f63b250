'use client';

import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_ENCODED_CHARS, shareHash } from '@/engine/scenario/share';
import { usePlayback, useUi } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { sequenceLinkParams } from '@/stores/sequence-link';
import { selectUiActions } from '@/stores/ui-selectors';
import type { Lang } from '@/engine/i18n/langs';
import { useI18n } from '../i18n/use-i18n';
import { copyText } from '../ui/copy-text';
import { downloadScenario } from '../ui/download';
import { DownloadIcon, LinkIcon } from '../ui/icons';
import { Modal } from '../ui/modal';
import { LangChoice } from './lang-choice';
import { button, primaryButton } from '../ui/styles';

const selectShare = (s: PlaybackState) => ({ scenario: s.scenario, time: s.time, timeline: s.timeline });
const selectDiagram = (s: { sequenceOpen: boolean; chainOf: number | null }) => ({ sequenceOpen: s.sequenceOpen, chainOf: s.chainOf });

/** The address of the playground with `hash`, wherever the site is hosted. */
const urlWith = (hash: string) => `${location.origin}${location.pathname.replace(/\/embed\/?$/, '/')}#${hash}`;

/**
 * A link that reproduces the run exactly (scenario, seed, faults and, if wanted, the cursor
 * time). Everything is in the hash, which browsers never send to a server. A scenario too big
 * for a comfortable link is offered as a JSON file instead, saying why.
 */
export default function ShareDialog() {
  const { openDialog } = useUi(useShallow(selectUiActions));
  const { scenario, time, timeline } = usePlayback(useShallow(selectShare));
  // The sequence diagram, when open, stays open for whoever opens the link, on the same violation.
  const diagram = useUi(useShallow(selectDiagram));
  const [withTime, setWithTime] = useState(true);
  const [status, setStatus] = useState('');
  // The language the link opens in: the viewer's own (no parameter), or a fixed one.
  const [lang, setLang] = useState<Lang | ''>('');
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const hash = useMemo(
    () => shareHash(scenario, withTime ? time : null) + sequenceLinkParams(diagram, { timeline }) + (lang ? `&lang=${lang}` : ''),
    [scenario, time, withTime, diagram, timeline, lang],
  );
  const payload = hash.slice(2, hash.includes('&') ? hash.indexOf('&') : undefined).length;
  const tooBig = payload > MAX_ENCODED_CHARS;
  const url = tooBig ? '' : urlWith(hash);
  const copy = async () => setStatus((await copyText(url, field.current)) === 'copied' ? t('ui.playground.share-copied') : t('ui.playground.share-pressCopy'));
  return (
    <Modal title={t('ui.playground.share-title')} testId="share" onClose={() => openDialog(null)}>
      <div className="space-y-4 px-5 py-4 text-sm">
        <p className="text-slate-600 dark:text-slate-400">
          {t('ui.playground.share-intro')}
        </p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={withTime} onChange={(e) => setWithTime(e.target.checked)} data-testid="share-with-time" className="h-4 w-4 accent-indigo-600 dark:rounded-sm dark:accent-indigo-400 dark:ring-1 dark:ring-slate-400" />
          {t('ui.playground.share-atTime', { s: (time / 1000).toFixed(3) })}
        </label>
        <LangChoice value={lang} onChange={setLang} testId="share-lang" />
        {tooBig ? (
          <p role="alert" data-testid="share-too-big" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            {t('ui.playground.share-tooBig', { n: payload.toLocaleString(), max: MAX_ENCODED_CHARS.toLocaleString() })}
          </p>
        ) : (
          <div className="flex gap-2">
            <input
              ref={field}
              readOnly
              value={url}
              aria-label={t('ui.playground.share-link')}
              data-testid="share-url"
              onFocus={(e) => e.currentTarget.select()}
              className="h-9 min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
            />
            <button type="button" onClick={() => void copy()} data-testid="share-copy" className={primaryButton}>
              <LinkIcon />
              {t('ui.playground.share-copy')}
            </button>
          </div>
        )}
        <div className="flex items-center gap-3">
          <p aria-live="polite" data-testid="share-status" className="min-h-5 flex-1 text-xs text-slate-600 dark:text-slate-400">
            {status || (tooBig ? '' : t('ui.playground.share-chars', { n: url.length.toLocaleString() }))}
          </p>
          <button type="button" onClick={() => downloadScenario(scenario)} data-testid="share-download" className={button}>
            <DownloadIcon />
            {t('ui.playground.share-download')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
