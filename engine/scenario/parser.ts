import type * as Parse from './parse';

// The scenario parser (zod and every kind's schema) is a chunk of its own: the playground's
// first paint shows a scenario validated ahead of time (./default-scenario.ts) and fetches the
// parser after it. Whatever validates input — a link, a file, an edit, the autosave — gets it
// here first.

type ParseModule = typeof Parse;

let loaded: ParseModule | null = null;
let loading: Promise<ParseModule> | null = null;

/** The parser, fetching it on first use; a failed fetch is forgotten, so a later call tries again. */
export function loadParser(): Promise<ParseModule> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('./parse').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The parser if it has arrived, for code that must answer synchronously (an edit). */
export function parserNow(): ParseModule | null {
  return loaded;
}
