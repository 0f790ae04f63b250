'use client';

import { useEffect, useState } from 'react';
import { afterPaint } from '@/stores/after-paint';

/**
 * Whether a part of the canvas the first paint can do without is drawn yet: at once unless
 * `defer` (read on the first render), else from the task after the first paint. Opening a big
 * document, the minimap's card per node (300 components, each subscribed to React Flow's
 * store) held up the cards themselves; it now follows them a frame later.
 */
export function useShownAfterPaint(defer: boolean): boolean {
  const [shown, setShown] = useState(!defer);
  useEffect(() => (shown ? undefined : afterPaint(() => setShown(true))), [shown]);
  return shown;
}
