'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '@/stores/playback-context';
import { selectNotices, selectUiActions } from '@/stores/ui-selectors';
import type { Notice } from '@/stores/ui-store';
import { CloseIcon } from '../ui/icons';
import { useLateRefusals } from './use-late-refusals';

/** How long a notice stays (real time: it is about the page, not the simulation). */
const SHOW_MS = 7000;

function NoticeItem({ n, dismiss }: { n: Notice; dismiss: (id: number) => void }) {
  const { t, say } = useI18n();
  useEffect(() => {
    const t = setTimeout(() => dismiss(n.id), SHOW_MS);
    return () => clearTimeout(t);
  }, [n.id, dismiss]);
  return (
    <li
      data-testid="notice"
      data-tone={n.tone}
      className={`pointer-events-auto flex items-start gap-2 rounded-lg border px-3 py-2 text-sm shadow-lg ${
        n.tone === 'warn'
          ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
          : 'border-slate-200 bg-white text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'
      }`}
    >
      <span className="min-w-0 flex-1">{say(n.text)}</span>
      <button type="button" aria-label={t('ui.canvas.dismiss')} onClick={() => dismiss(n.id)} className="-mr-1 rounded p-0.5 opacity-70 hover:opacity-100">
        <CloseIcon width={14} height={14} />
      </button>
    </li>
  );
}

/** Short messages over the canvas: a refused link, a branched run. Read out politely. */
export function Notices() {
  const notices = useUi(selectNotices);
  const { dismiss } = useUi(useShallow(selectUiActions));
  useLateRefusals();
  return (
    <ol role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 top-3 z-20 mx-auto flex w-[min(26rem,calc(100%-1.5rem))] flex-col gap-2">
      {notices.map((n) => (
        <NoticeItem key={n.id} n={n} dismiss={dismiss} />
      ))}
    </ol>
  );
}
