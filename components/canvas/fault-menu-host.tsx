'use client';

import { Suspense } from 'react';
import { useUi } from '@/stores/playback-context';
import { selectMenu } from '@/stores/ui-selectors';
import { preloadable } from '../ui/preloadable';

// Loaded on first use: most visits never open it, and the first paint should not wait for it.
// React.lazy (through preloadable) rather than next/dynamic, like the dialogs and panel tabs: with no next/dynamic left
// on the page, its loader (about 3 KB gzipped) drops out of the first page load.
const faultMenu = preloadable(() => import('./fault-menu'));
const FaultMenu = faultMenu.Component;

/** Fetches the fault menu ahead of a right-click (see usePrefetch). */
export function prefetchFaultMenu(): void {
  faultMenu.preload();
}

/** Shows the fault menu while one is open. */
export function FaultMenuHost() {
  const menu = useUi(selectMenu);
  return menu ? (
    <Suspense fallback={null}>
      <FaultMenu key={`${menu.kind}:${menu.id}`} menu={menu} />
    </Suspense>
  ) : null;
}
