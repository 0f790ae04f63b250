'use client';

import { useState } from 'react';
import { p } from '@/engine/core/phrase';
import type { TryThis } from '@/engine/scenario/change';
import { usePlayback, usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { selectEntry } from '@/stores/selectors';
import { tryChange } from '@/stores/try-change';
import { TermText } from './term-text';
import { useI18n } from '../i18n/use-i18n';
import { libraryText } from './library-text';
import { joined } from '../i18n/joined';
import { problemSay } from '@/engine/scenario/problems';

/**
 * "Try this" items. One with a change is a button: it applies the change (or opens the
 * built-in it names) and replays from the start; undo takes an edit back. The rest are text.
 */
export function TryList({ items, className = '' }: { items: readonly TryThis[]; className?: string }) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const [busy, setBusy] = useState<string | null>(null);
  const i18n = useI18n();
  const { t: tr } = i18n;
  // An item of the open built-in reads in the reader's language (`library.<id>.try<i>`).
  const entry = usePlayback(selectEntry);
  const textOf = (t: TryThis) => {
    const i = entry?.tryThis.indexOf(t) ?? -1;
    return entry && i >= 0 ? libraryText(i18n, entry.id, `try${i}`, t.text) : t.text;
  };
  const run = async (t: TryThis) => {
    if (!t.change) return;
    setBusy(t.text);
    const r = await tryChange(playback, t.change);
    setBusy(null);
    const u = ui.getState();
    if (!r.ok && r.superseded) return;
    if (!r.ok) u.notify(p('ui.panels.try-failed', { errors: joined(r.errors.slice(0, 2).map(problemSay)) }), 'warn');
    else if (r.kept) u.notify(p('ui.panels.try-kept', { name: r.kept }));
    else if (t.change.open) history.replaceState(null, '', `#scenario=${encodeURIComponent(t.change.open)}`);
  };
  return (
    <ul className={`space-y-1 ${className}`} data-testid="try-list">
      {items.map((t) =>
        t.change ? (
          <li key={t.text}>
            <button
              type="button"
              data-testid="try-this"
              aria-busy={busy === t.text}
              onClick={() => void run(t)}
              title={tr('ui.panels.try-apply')}
              className="group flex w-full items-start gap-1.5 rounded-md px-1.5 py-1 text-left text-indigo-800 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-200 dark:hover:bg-indigo-950/60"
            >
              <span aria-hidden className="mt-px shrink-0 font-bold">
                ▶
              </span>
              <span className="min-w-0 flex-1">
                <TermText text={textOf(t)} />
              </span>
            </button>
          </li>
        ) : (
          <li key={t.text} className="flex gap-1.5 px-1.5 py-1">
            <span aria-hidden className="shrink-0 text-slate-400">
              •
            </span>
            <span className="min-w-0 flex-1">
              <TermText text={textOf(t)} />
            </span>
          </li>
        ),
      )}
    </ul>
  );
}
