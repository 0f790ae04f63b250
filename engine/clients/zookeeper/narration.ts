import type { Say } from '../../core/phrase';
import type { TraceEvent } from '../../core/trace-types';
import { t } from '../say';
import type { ZkWatchEvent } from './types';
import { isZkClientTimer, type CuratorState, type KeeperState } from './state';

// What the client library puts in the trace, and how hosts word it.

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'zk.client.state': { session: string | null; keeper: KeeperState; curator: CuratorState | null; reason: Say };
    /** `zxid`: the change the event announces (-1 when a reconnect's SetWatches fires it). */
    'zk.client.event': { session: string | null; event: ZkWatchEvent['type']; path: string; zxid: number };
  }
}

/** A short phrase for the library's timer. */
export function describeZkClientTimer(payload: unknown): Say | undefined {
  return isZkClientTimer(payload) ? t('zkClientTimer') : undefined;
}

/** One line for the library's trace events, for hosts' narrate(). */
export function narrateZkClient(ev: TraceEvent, name: (id: string) => string): Say | undefined {
  if (ev.type === 'zk.client.state') {
    return ev.curator
      ? t('zkClientStateCurator', { node: name(ev.node), keeper: ev.keeper, curator: ev.curator, reason: ev.reason })
      : t('zkClientState', { node: name(ev.node), keeper: ev.keeper, reason: ev.reason });
  }
  if (ev.type === 'zk.client.event') return t('zkClientEvent', { node: name(ev.node), event: ev.event, path: ev.path });
  return undefined;
}
