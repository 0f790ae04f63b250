'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useState } from 'react';
import { CloseIcon } from '../ui/icons';

/**
 * What was wrong with the embed's address (a bad option, a scenario that could not be opened):
 * one line each, naming it. The player runs anyway with defaults; the notice can be dismissed.
 */
export function Problems({ problems }: { problems: readonly string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  if (!open || problems.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="embed-problems"
      className="flex max-h-[40%] shrink-0 items-start gap-2 overflow-y-auto border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <ul className="min-w-0 flex-1 space-y-0.5">
        {problems.map((p, i) => (
          <li key={i} className="break-words">
            <span aria-hidden>⚠ </span>
            {p}
          </li>
        ))}
      </ul>
      <button type="button" aria-label={t('ui.canvas.dismiss')} onClick={() => setOpen(false)} className="-mr-1 rounded p-0.5 opacity-70 hover:opacity-100">
        <CloseIcon width={14} height={14} />
      </button>
    </div>
  );
}
