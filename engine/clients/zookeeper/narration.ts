import type { TraceEvent } from '../../core/trace-types';
import type { ZkWatchEvent } from './types';
import { isZkClientTimer, type CuratorState, type KeeperState } from './state';

// What the client library puts in the trace, and how hosts word it.

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'zk.client.state': { session: string | null; keeper: KeeperState; curator: CuratorState | null; reason: string };
    /** `zxid`: the change the event announces (-1 when a reconnect's SetWatches fires it). */
    'zk.client.event': { session: string | null; event: ZkWatchEvent['type']; path: string; zxid: number };
  }
}

/** A short phrase for the library's timer. */
export function describeZkClientTimer(payload: unknown): string | undefined {
  return isZkClientTimer(payload) ? 'ZooKeeper client check (ping / timeouts)' : undefined;
}

/** One line for the library's trace events, for hosts' narrate(). */
export function narrateZkClient(ev: TraceEvent, name: (id: string) => string): string | undefined {
  if (ev.type === 'zk.client.state') {
    const cur = ev.curator ? ` [${ev.curator}]` : '';
    return `${name(ev.node)}'s ZooKeeper client: ${ev.keeper}${cur}: ${ev.reason}`;
  }
  if (ev.type === 'zk.client.event') return `${name(ev.node)} gets watch event ${ev.event} ${ev.path}`;
  return undefined;
}
