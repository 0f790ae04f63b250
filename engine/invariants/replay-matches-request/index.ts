import { defineMonitor } from '../kind';

/** A stored result is only replayed to a request with the same parameters. */
export const replayMatchesRequestKind = defineMonitor({
  id: 'replay-matches-request',
  load: () => import('./monitor').then((m) => m.replayMatchesRequest),
});
