'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useEffect, useState, type MouseEvent, type SyntheticEvent } from 'react';
import type { Scenario } from '@/engine/scenario/schema';
import { loadShare, shareIfLoaded } from '@/engine/scenario/share-lazy';
import { playgroundPath } from '@/stores/embed-options';
import { ExternalIcon } from '../ui/icons';

/** What the link reproduces: the scenario as the viewer has it now (faults included) and the cursor. */
export type RunNow = () => { scenario: Scenario; t: number | null };

/** The share link to the run now; just the playground while the link codec has not arrived. */
const hrefOf = (run: RunNow, share = shareIfLoaded()) => {
  const base = playgroundPath(location.pathname);
  if (!share) return base;
  const { scenario, t } = run();
  return `${base}#${share.shareHash(scenario, t)}`;
};

/**
 * "Open in playground": a share link to the run as it is at the moment of the click. Encoding
 * on every frame would waste work, so the address is refreshed when the pointer or focus
 * reaches the link and again on the click itself (before the browser follows it). The link
 * codec is fetched once the player is up rather than with the page; a click that beats it
 * opens the tab once it has arrived.
 */
export function OpenInPlayground({ run }: { run: RunNow }) {
  const { t } = useI18n();
  const [href, setHref] = useState(() => hrefOf(run));
  useEffect(() => {
    void loadShare().catch(() => undefined);
  }, []);
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    const next = hrefOf(run);
    e.currentTarget.href = next;
    setHref(next);
  };
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (shareIfLoaded()) {
      refresh(e);
      return;
    }
    e.preventDefault();
    void loadShare().then(
      (share) => window.open(hrefOf(run, share), '_blank', 'noopener'),
      () => window.open(hrefOf(run, null), '_blank', 'noopener'),
    );
  };
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
      data-testid="open-in-playground"
      onPointerEnter={refresh}
      onFocus={refresh}
      onClick={follow}
      onAuxClick={refresh}
      onContextMenu={refresh}
      className="pointer-events-auto inline-flex h-7 shrink-0 items-center gap-1 rounded-md border border-slate-200 bg-white/90 px-2 text-xs font-medium text-indigo-700 shadow-sm backdrop-blur hover:bg-white hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900/90 dark:text-indigo-300 dark:hover:bg-slate-900 dark:hover:text-indigo-200"
    >
      {t('ui.embed.openInPlayground')}
      <ExternalIcon width={13} height={13} />
      <span className="sr-only">{t('ui.embed.newTab')}</span>
    </a>
  );
}
