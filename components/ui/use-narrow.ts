'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is narrow: under `minWidth` px or taller than wide. Measured, not a
 * media query, because the canvas shares the screen with a side panel from `md` up. The
 * first render (and the static HTML) assume wide.
 */
export function useNarrow(ref: RefObject<HTMLElement | null>, minWidth = 560): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setNarrow(width < minWidth || width < height * 0.9);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, minWidth]);
  return narrow;
}
