import type dagreModule from '@dagrejs/dagre';

let engine: typeof dagreModule | null = null;
let loading: Promise<void> | null = null;

/**
 * Fetches dagre, the layout library auto-layout ranks and orders with. It is kept out of the
 * page's first load (17 KB gzipped that most visits never use): opening a scenario that needs
 * laying out awaits it (kind-loading.ts), the auto-layout command awaits it, and the first touch
 * prefetches it.
 */
export function loadLayoutEngine(): Promise<void> {
  return (loading ??= import('@dagrejs/dagre').then((m) => {
    engine = m.default;
  }));
}

/** dagre once loaded; null before. */
export function layoutEngine(): typeof dagreModule | null {
  return engine;
}
