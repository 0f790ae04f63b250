'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useState } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectEntry } from '@/stores/selectors';
import { libraryText } from '../panels/library-text';
import { EyeIcon } from '../ui/icons';
import { useMediaQuery } from '../ui/use-media-query';

/**
 * The lesson in one line over the canvas, on a phone (where the About tab is out of sight):
 * what to watch for in the open built-in. A tap shows all of it.
 */
export function WatchFor() {
  const i18n = useI18n();
  const { t } = i18n;
  const entry = usePlayback(selectEntry);
  const [open, setOpen] = useState(false);
  // Not merely hidden on wider screens: the side panel's About tab says it there, once.
  const phone = useMediaQuery('(max-width: 767.98px)');
  if (!entry || !phone) return null;
  return (
    <button
      type="button"
      data-testid="watch-for"
      aria-expanded={open}
      onClick={() => setOpen(!open)}
      className="flex shrink-0 items-start gap-1.5 border-b border-slate-200 bg-indigo-50 px-3 py-1.5 text-left text-xs leading-snug text-indigo-950 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-800 dark:bg-indigo-950/60 dark:text-indigo-100"
    >
      <EyeIcon width={14} height={14} className="mt-px shrink-0" aria-hidden />
      <span className={`min-w-0 flex-1 ${open ? '' : 'truncate'}`}>
        <span className="font-semibold">{t('ui.canvas.watchFor')}</span>
        {libraryText(i18n, entry.id, 'watchFor', entry.watchFor)}
      </span>
    </button>
  );
}
