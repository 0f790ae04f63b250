/** A module fetched on first use and kept; see `lazyModule`. */
export interface LazyModule<T> {
  /** The module, fetching it on first use; a failed fetch is forgotten, so a later call tries again. */
  load(): Promise<T>;
  /** The module if it has arrived, for code that must answer synchronously; else null. */
  now(): T | null;
}

/**
 * A chunk the page does not load with itself (`fetch` is the caller's `() => import('./x')`, so
 * the bundler still sees the literal path), fetched once however many ask for it.
 */
export function lazyModule<T>(fetch: () => Promise<T>): LazyModule<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load() {
      if (loaded) return Promise.resolve(loaded);
      loading ??= fetch().then(
        (m) => (loaded = m),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    now: () => loaded,
  };
}
