'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useRef, useState } from 'react';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { CloseIcon, DownloadIcon } from '../ui/icons';
import { ChainList } from './chain-list';
import { LifelineMenu } from './lifeline-menu';
import { diagramInput, pageIsDark } from './diagram-input';
import { diagramPng, diagramSvg, NO_CANVAS, offer } from './export';
import { SeqController, SequenceCanvas } from './sequence-canvas';
import { zoomed } from './view';

const BTN =
  'grid h-7 min-w-7 place-items-center rounded-md px-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * The sequence diagram with its toolbar (zoom, show all, export the visible range as SVG or
 * PNG, close) and, beside it (below it on a phone), "Why did this break?". Loaded on demand:
 * the first page load carries only the dock that opens it. An embed that always shows it has
 * nothing to close (`closable` false).
 */
export default function SequencePanel({ closable = true }: { closable?: boolean }) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const [ctl] = useState(() => new SeqController());
  const [note, setNote] = useState('');
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { t } = useI18n();
  const say = (s: string) => {
    setNote(s);
    clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => setNote(''), 4000);
  };
  const zoom = (factor: number) => {
    const pb = playback.getState();
    ctl.setView(zoomed(ctl.view, pb.time, pb.untilMs, factor));
  };
  const input = () => {
    const pb = playback.getState();
    return diagramInput(pb, ui.getState(), ctl.view, ctl.size, pageIsDark(), -1, ctl.followEnd(pb.time, pb.untilMs));
  };
  const name = (ext: string) => `${playback.getState().scenario.id || 'run'}-sequence.${ext}`;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="sequence-panel">
      <div className="flex shrink-0 items-center gap-1 border-b border-slate-200 px-2 py-0.5 dark:border-slate-800">
        <h2 className="mr-2 pl-1 text-xs font-semibold max-md:sr-only text-slate-800 dark:text-slate-100">{t('ui.sequence.sequenceDiagram')}</h2>
        <button type="button" className={BTN} aria-label={t('ui.sequence.zoomInAria')} title={t('ui.sequence.zoomInTitle')} onClick={() => zoom(0.5)}>
          +
        </button>
        <button type="button" className={BTN} aria-label={t('ui.sequence.zoomOutAria')} title={t('ui.sequence.zoomOutTitle')} onClick={() => zoom(2)}>
          −
        </button>
        <button
          type="button"
          className={BTN}
          data-testid="sequence-all"
          title={t('ui.sequence.allTitle')}
          onClick={() => ctl.setView({ span: null, end: null })}
        >
          {t('ui.sequence.all')}
        </button>
        <LifelineMenu buttonClass={BTN} />
        <span className="mx-1 h-4 w-px bg-slate-200 dark:bg-slate-700" aria-hidden />
        <button type="button" className={`${BTN} gap-1`} data-testid="export-svg" title={t('ui.sequence.svgTitle')} onClick={() => offer(new Blob([diagramSvg(input())], { type: 'image/svg+xml' }), name('svg'))}>
          <span className="flex items-center gap-1">
            <DownloadIcon width={12} height={12} aria-hidden /> {t('ui.sequence.svg')}
          </span>
        </button>
        <button
          type="button"
          className={BTN}
          data-testid="export-png"
          title={t('ui.sequence.pngTitle')}
          onClick={() =>
            diagramPng(input()).then(
              (b) => offer(b, name('png')),
              (e: Error) => say(e.message === NO_CANVAS ? t('ui.sequence.noCanvas') : e.message),
            )
          }
        >
          <span className="flex items-center gap-1">
            <DownloadIcon width={12} height={12} aria-hidden /> {t('ui.sequence.png')}
          </span>
        </button>
        <span role="status" className="ml-2 truncate text-xs text-slate-600 dark:text-slate-400">
          {note}
        </span>
        {closable && (
          <button type="button" className={`${BTN} ml-auto`} aria-label={t('ui.sequence.close')} data-testid="sequence-close" title={t('ui.sequence.closeTitle')} onClick={() => ui.getState().setSequenceOpen(false)}>
            <CloseIcon width={14} height={14} aria-hidden />
          </button>
        )}
      </div>
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <SequenceCanvas ctl={ctl} />
        <div className="flex max-h-[45%] min-h-0 shrink-0 flex-col border-slate-200 max-md:border-t md:max-h-none md:w-80 md:border-l dark:border-slate-800">
          <ChainList />
        </div>
      </div>
    </div>
  );
}
