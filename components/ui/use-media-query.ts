'use client';

import { useCallback, useSyncExternalStore } from 'react';

// A list per query, kept: every edge asks on every render and subscribes, and matchMedia parses the query anew each call.
const lists = new Map<string, MediaQueryList>();
const mediaList = (query: string) => {
  let m = lists.get(query);
  if (!m) lists.set(query, (m = window.matchMedia(query)));
  return m;
};

/**
 * Whether a media query matches, kept in sync with the system. The server (static export) and
 * the hydration pass see `serverValue`, so the first client render matches the HTML and the
 * real value arrives right after, without a hydration mismatch.
 */
export function useMediaQuery(query: string, serverValue = false): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const m = mediaList(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaList(query).matches,
    () => serverValue,
  );
}

/** The system asks for a dark theme. */
export const usePrefersDark = () => useMediaQuery('(prefers-color-scheme: dark)');

/** The visitor asked the system for less motion. */
export const usePrefersReducedMotion = () => useMediaQuery('(prefers-reduced-motion: reduce)');
