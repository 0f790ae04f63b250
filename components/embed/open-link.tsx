'use client';

import { useState, type SyntheticEvent } from 'react';
import type { Scenario } from '@/engine/scenario/schema';
import { shareHash } from '@/engine/scenario/share';
import { playgroundPath } from '@/stores/embed-options';
import { ExternalIcon } from '../ui/icons';

/** What the link reproduces: the scenario as the viewer has it now (faults included) and the cursor. */
export type RunNow = () => { scenario: Scenario; t: number | null };

const hrefOf = (run: RunNow) => {
  const { scenario, t } = run();
  return `${playgroundPath(location.pathname)}#${shareHash(scenario, t)}`;
};

/**
 * "Open in playground": a share link to the run as it is at the moment of the click. Encoding
 * on every frame would waste work, so the address is refreshed when the pointer or focus
 * reaches the link and again on the click itself (before the browser follows it).
 */
export function OpenInPlayground({ run }: { run: RunNow }) {
  const [href, setHref] = useState(() => hrefOf(run));
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    const next = hrefOf(run);
    e.currentTarget.href = next;
    setHref(next);
  };
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
      data-testid="open-in-playground"
      onPointerEnter={refresh}
      onFocus={refresh}
      onClick={refresh}
      onAuxClick={refresh}
      onContextMenu={refresh}
      className="pointer-events-auto inline-flex h-7 shrink-0 items-center gap-1 rounded-md border border-slate-200 bg-white/90 px-2 text-xs font-medium text-indigo-700 shadow-sm backdrop-blur hover:bg-white hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900/90 dark:text-indigo-300 dark:hover:bg-slate-900 dark:hover:text-indigo-200"
    >
      Open in playground
      <ExternalIcon width={13} height={13} />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
