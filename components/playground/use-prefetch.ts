'use client';

import { useEffect } from 'react';
import { loadParser } from '@/engine/scenario/parser';
import { idleAfterPaint } from '@/stores/after-paint';
import { loadLayoutEngine } from '@/stores/layout-engine';
import { useLocaleStore } from '@/stores/locale';
import { prefetchFaultMenu } from '../canvas/fault-menu-host';
import { formatterFor } from '../i18n/use-i18n';
import { prefetchRateChart } from '../panels/rate-chart';
import { prefetchTabs } from '../panels/side-panel';
import { prefetchSequence } from '../sequence/sequence-dock';
import { prefetchDialogs } from './dialogs';
import { prefetchGuide } from './guide-lazy';

/**
 * Once the first screen is painted and the page is idle — or at the visitor's first touch,
 * click or key, if that comes first — fetches what they may open next: the scenario parser
 * (an edit is validated with it), the rest of the catalog, the side panel's tabs, the dialogs, the sequence diagram, the rate chart, the guide
 * card, the fault menu, the auto-layout engine. So none of them opens a beat late, and the first paint waits on none.
 */
export function usePrefetch(): void {
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      stop();
      loadParser().catch(() => undefined);
      formatterFor(useLocaleStore.getState().lang).catch(() => undefined);
      prefetchTabs();
      prefetchDialogs();
      prefetchSequence();
      prefetchRateChart();
      prefetchGuide();
      prefetchFaultMenu();
      loadLayoutEngine().catch(() => undefined);
    };
    const cancelIdle = idleAfterPaint(go, 3000);
    const stop = () => {
      cancelIdle();
      for (const e of events) window.removeEventListener(e, go, true);
    };
    for (const e of events) window.addEventListener(e, go, true);
    return stop;
  }, []);
}
