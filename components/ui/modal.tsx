'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { CloseIcon } from './icons';
import { iconButton } from './styles';

const WIDTH = { md: 'max-w-lg', lg: 'max-w-3xl', xl: 'max-w-4xl' };

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, closes on Escape and
 * restores focus to where it was. Mounted only while open.
 */
export function Modal({ title, onClose, children, testId, size = 'md' }: { title: string; onClose(): void; children: ReactNode; testId: string; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      className={`m-auto max-h-[min(46rem,calc(100dvh-2rem))] w-[calc(100vw-1.5rem)] overflow-hidden rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${WIDTH[size]}`}
    >
      <div className="flex max-h-[inherit] flex-col">
        <header className="flex items-center gap-3 border-b border-slate-200 px-5 py-3.5 dark:border-slate-800">
          <h2 id={`${testId}-title`} className="flex-1 text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={onClose} aria-label={t('ui.ui.close')} className={iconButton}>
            <CloseIcon />
          </button>
        </header>
        {/* Focusable, so a keyboard can scroll a dialog taller than the screen. */}
        <div tabIndex={0} className="min-h-0 flex-1 overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500">
          {children}
        </div>
      </div>
    </dialog>
  );
}
