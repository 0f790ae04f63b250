'use client';

import { Suspense } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectTimeline } from '@/stores/selectors';
import { preloadable } from '../ui/preloadable';

// The chart's code loads when a scenario with rate limiters first shows it, or ahead of that
// once the page is idle (usePrefetch): the default scenario has none.
const view = preloadable(() => import('./rate-chart-view'));
const RateChartView = view.Component;

/** Fetches the chart's code ahead of a scenario with rate limiters (see usePrefetch). */
export function prefetchRateChart(): void {
  view.preload();
}

/**
 * Under the canvas, when the scenario has rate limiters: one limiter's decisions per time slice
 * of the whole run (let through, waited, refused) with its configured rate as a dashed line,
 * the slices after the cursor dimmed and the cursor drawn where the timeline's is. A burst that
 * broke the rate bound is highlighted, each half a window boundary split it into in its own tone.
 */
export function RateChartPanel() {
  const rates = usePlayback(selectTimeline).rates;
  return rates ? (
    <Suspense fallback={null}>
      <RateChartView rates={rates} />
    </Suspense>
  ) : null;
}

