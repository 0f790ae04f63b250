'use client';

import { lazy, type ComponentType } from 'react';

/**
 * React.lazy with a preload: once `preload()` has fetched the module, the component renders it
 * straight away. Plain React.lazy suspends on its first render even when the code is already
 * here, and its Suspense fallback ("Loading…") flashes for a frame.
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): { Component: ComponentType<P>; preload(): void } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetch = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (e: unknown) => {
        // Offline, or a deploy replaced the chunk: a later use tries again.
        pending = null;
        throw e;
      },
    ));
  const Lazy = lazy(fetch);
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Preloadable, preload: () => void fetch().catch(() => undefined) };
}
