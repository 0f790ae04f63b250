import { defineMonitor } from '../kind';

/** At most one client is inside the critical section at the resource at any moment. */
export const mutualExclusionKind = defineMonitor({
  id: 'mutual-exclusion',
  load: () => import('./monitor').then((m) => m.mutualExclusion),
});
