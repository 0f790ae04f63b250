'use client';

import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The page's query and hash (`?…#…`), or null during the static render and hydration: the
 * options live in the address, which only the browser knows. A new hash (a host changing the
 * iframe's src fragment) is a new address.
 */
export function useEmbedAddress(): { search: string; hash: string } | null {
  const key = useSyncExternalStore(
    subscribe,
    () => `${location.search}\n${location.hash}`,
    () => null,
  );
  if (key === null) return null;
  const [search, hash] = key.split('\n');
  return { search, hash };
}
