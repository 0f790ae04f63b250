'use client';

import { useEffect } from 'react';
import { loadLayoutEngine } from '@/stores/layout-engine';
import { prefetchFaultMenu } from '../canvas/fault-menu-host';
import { prefetchTabs } from '../panels/side-panel';
import { prefetchDialogs } from './dialogs';

/**
 * After the visitor's first touch, click or key, fetches what they are likely to open next
 * (the About and Faults tabs, the Embed dialog, the fault menu, the auto-layout engine), so none of them flashes
 * "Loading…" or opens a beat late. Not before: the first paint should not wait on any of it.
 */
export function usePrefetch(): void {
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    const go = () => {
      for (const e of events) window.removeEventListener(e, go, true);
      prefetchTabs();
      prefetchDialogs();
      prefetchFaultMenu();
      void loadLayoutEngine();
    };
    for (const e of events) window.addEventListener(e, go, true);
    return () => {
      for (const e of events) window.removeEventListener(e, go, true);
    };
  }, []);
}
