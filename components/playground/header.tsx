'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectHeading } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import { LangSwitch } from '../i18n/lang-switch';
import { hint } from '../panels/commands';
import { BoltIcon, CodeIcon, FolderIcon, GridIcon, KeyboardIcon, LinkIcon } from '../ui/icons';
import { button } from '../ui/styles';

/** The app bar: name, the open scenario, the gallery and the shortcuts. On a phone the title has a row of its own, so it is never cut. */
export function Header() {
  const { title, seed, edited } = usePlayback(useShallow(selectHeading));
  const { openDialog } = useUi(useShallow(selectUiActions));
  return (
    <header className="flex shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 py-2 max-sm:flex-wrap max-sm:gap-y-1 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24px static SVG needs no image pipeline */}
      <img src="/favicon.svg" alt="" width={24} height={24} className="shrink-0" />
      <h1 className="hidden shrink-0 text-sm font-semibold tracking-tight sm:block">Distributed Playground</h1>
      <span className="hidden h-4 w-px shrink-0 bg-slate-300 sm:block dark:bg-slate-700" aria-hidden />
      <p className="min-w-0 flex-1 text-sm text-slate-700 max-sm:order-last max-sm:basis-full max-sm:leading-snug sm:truncate dark:text-slate-300" data-testid="scenario-title" title={title}>
        {title}
      </p>
      {edited && (
        <span
          data-testid="scenario-edited"
          title="You changed this scenario since it was opened (undo takes changes back; Saved keeps a copy)"
          className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-semibold text-amber-900 max-sm:order-last dark:bg-amber-900/60 dark:text-amber-100"
        >
          edited
        </span>
      )}
      <span className="flex-1 sm:hidden" aria-hidden />
      <span className="hidden shrink-0 rounded-full bg-slate-100 px-2 py-0.5 font-mono text-[11px] text-slate-600 lg:inline dark:bg-slate-800 dark:text-slate-400">
        seed {seed} · deterministic
      </span>
      <button type="button" data-testid="open-gallery" onClick={() => openDialog('gallery')} title={hint('gallery')} className={`${button} h-8`}>
        <GridIcon width={15} height={15} />
        Gallery
      </button>
      <button type="button" data-testid="open-hunt" onClick={() => openDialog('hunt')} title={hint('hunt')} aria-label="Hunt" className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <BoltIcon width={15} height={15} />
        <span className="hidden sm:inline">Hunt</span>
      </button>
      <button type="button" data-testid="open-saves" onClick={() => openDialog('saves')} title={hint('saves')} aria-label="Saved scenarios" className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <FolderIcon width={15} height={15} />
        <span className="hidden sm:inline">Saved</span>
      </button>
      <button type="button" data-testid="open-share" onClick={() => openDialog('share')} title={hint('share')} aria-label="Share" className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <LinkIcon width={15} height={15} />
        <span className="hidden sm:inline">Share</span>
      </button>
      <button type="button" data-testid="open-embed" onClick={() => openDialog('embed')} title={hint('embed')} aria-label="Embed" className={`${button} h-8 w-8 !px-0 sm:w-auto sm:!px-2.5`}>
        <CodeIcon width={15} height={15} />
        <span className="hidden sm:inline">Embed</span>
      </button>
      <LangSwitch />
      {/* Phones rarely have a keyboard, and the title needs the room; "?" still opens the help. */}
      <button type="button" data-testid="open-help" onClick={() => openDialog('help')} title={hint('help')} aria-label="Keyboard shortcuts" className={`${button} h-8 w-8 !px-0 max-sm:hidden`}>
        <KeyboardIcon width={16} height={16} />
      </button>
    </header>
  );
}
