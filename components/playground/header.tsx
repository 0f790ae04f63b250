'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectHeading } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import { LangSwitch } from '../i18n/lang-switch';
import { useI18n } from '../i18n/use-i18n';
import { hint } from '../panels/commands';
import { documentTitle, libraryText } from '../panels/library-text';
import { BoltIcon, CodeIcon, FolderIcon, GridIcon, KeyboardIcon, LinkIcon } from '../ui/icons';
import { button } from '../ui/styles';

/** The app bar: name, the open scenario, the gallery and the shortcuts. On a phone the title has a row of its own, so it is never cut. */
export function Header() {
  const heading = usePlayback(useShallow(selectHeading));
  const { openDialog } = useUi(useShallow(selectUiActions));
  const i18n = useI18n();
  const { t } = i18n;
  const { seed, edited } = heading;
  // An unedited built-in reads in the reader's language; anything else is the visitor's own title.
  const title = heading.entryId && !edited ? libraryText(i18n, heading.entryId, 'title', heading.title) : documentTitle(i18n, heading.title);
  return (
    <header className="flex shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 py-2 max-sm:flex-wrap max-sm:gap-y-1 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24px static SVG needs no image pipeline */}
      <img src="/favicon.svg" alt="" width={24} height={24} className="shrink-0" />
      <h1 className="hidden shrink-0 text-sm font-semibold tracking-tight sm:block">{t('ui.playground.appName')}</h1>
      <span className="hidden h-4 w-px shrink-0 bg-slate-300 sm:block dark:bg-slate-700" aria-hidden />
      <p className="min-w-0 flex-1 text-sm text-slate-700 max-sm:order-last max-sm:basis-[60%] max-sm:leading-snug sm:truncate dark:text-slate-300" data-testid="scenario-title" title={title}>
        {title}
      </p>
      {edited && (
        <span
          data-testid="scenario-edited"
          title={t('ui.playground.editedHint')}
          className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-semibold text-amber-900 max-sm:order-last dark:bg-amber-900/60 dark:text-amber-100"
        >
          {t('ui.playground.edited')}
        </span>
      )}
      <span className="flex-1 sm:hidden" aria-hidden />
      <span className="hidden shrink-0 rounded-full bg-slate-100 px-2 py-0.5 font-mono text-[11px] text-slate-600 lg:inline dark:bg-slate-800 dark:text-slate-400">
        {t('ui.playground.seed', { seed })}
      </span>
      <button type="button" data-testid="open-gallery" onClick={() => openDialog('gallery')} title={hint('gallery', i18n)} className={`${button} h-8`}>
        <GridIcon width={15} height={15} />
        {t('ui.playground.gallery')}
      </button>
      <button type="button" data-testid="open-hunt" onClick={() => openDialog('hunt')} title={hint('hunt', i18n)} aria-label={t('ui.playground.hunt')} className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <BoltIcon width={15} height={15} />
        <span className="hidden sm:inline">{t('ui.playground.hunt')}</span>
      </button>
      <button type="button" data-testid="open-saves" onClick={() => openDialog('saves')} title={hint('saves', i18n)} aria-label={t('ui.playground.savedScenarios')} className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <FolderIcon width={15} height={15} />
        <span className="hidden sm:inline">{t('ui.playground.saved')}</span>
      </button>
      <button type="button" data-testid="open-share" onClick={() => openDialog('share')} title={hint('share', i18n)} aria-label={t('ui.playground.share')} className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <LinkIcon width={15} height={15} />
        <span className="hidden sm:inline">{t('ui.playground.share')}</span>
      </button>
      <button type="button" data-testid="open-embed" onClick={() => openDialog('embed')} title={hint('embed', i18n)} aria-label={t('ui.playground.embed')} className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <CodeIcon width={15} height={15} />
        <span className="hidden sm:inline">{t('ui.playground.embed')}</span>
      </button>
      <LangSwitch className="max-sm:order-last" />
      {/* Phones rarely have a keyboard, and the title needs the room; "?" still opens the help. */}
      <button type="button" data-testid="open-help" onClick={() => openDialog('help')} title={hint('help', i18n)} aria-label={t('ui.playground.shortcuts')} className={`${button} h-8 w-8 !px-0 max-sm:hidden`}>
        <KeyboardIcon width={16} height={16} />
      </button>
    </header>
  );
}
