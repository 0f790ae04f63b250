import type { ZookeeperState } from './model';
import type { WatchTable } from './zk/state';
import type { ZkNodeKind } from '../../clients/zookeeper/types';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** A watch on a znode: which kind (data, child, or a persistent or recursive one) and whose. */
export interface ZkWatchView {
  kind: 'data' | 'child' | 'persistent' | 'recursive';
  session: string;
}

/** A znode as the canvas lists it. */
export interface ZnodeView {
  path: string;
  /** Its name (the last path segment) and how deep it sits (1 under the root). */
  name: string;
  depth: number;
  kind: ZkNodeKind;
  /** Owning session of an ephemeral, else null. */
  owner: string | null;
  data: string;
  version: number;
  watches: readonly ZkWatchView[];
}

/** A session as the canvas lists it. */
export interface ZkSessionView {
  id: string;
  /** The client node of its connection, or null when none is open. */
  client: string | null;
  ephemerals: number;
  /** When it expires unless touched (the server's clock, ms). */
  expireAt: number;
  /** The time a session is given, for the fraction left: its timeout plus a tick (expiry is bucketed by ticks). */
  spanMs: number;
}

/** What the canvas shows of a ZooKeeper server. */
export interface ZkView {
  /** The user's znodes, in path order (the root and /zookeeper left out). */
  znodes: readonly ZnodeView[];
  sessions: readonly ZkSessionView[];
}

const shown = (path: string) => path !== '/' && path !== '/zookeeper' && !path.startsWith('/zookeeper/');

function watchesOn(path: string, data: WatchTable, child: WatchTable): ZkWatchView[] {
  const out: ZkWatchView[] = [];
  for (const w of data[path] ?? []) out.push({ kind: w.mode === 'standard' ? 'data' : w.mode, session: w.session });
  for (const w of child[path] ?? []) if (w.mode === 'standard') out.push({ kind: 'child', session: w.session });
  return out;
}

/** A plain summary of the server's state, for views. */
export function zookeeperView(s: ZookeeperState): ZkView {
  const core = s.core;
  const znodes = Object.keys(core.nodes)
    .filter(shown)
    .sort()
    .map((path): ZnodeView => {
      const z = core.nodes[path];
      return {
        path,
        name: path.slice(path.lastIndexOf('/') + 1),
        depth: path.split('/').length - 1,
        kind: z.kind,
        owner: z.owner,
        data: z.data,
        version: z.version,
        watches: watchesOn(path, core.dataWatches, core.childWatches),
      };
    });
  const sessions = Object.values(core.sessions).map((x) => ({ id: x.id, client: x.client, ephemerals: x.ephemerals.length, expireAt: x.expireAt, spanMs: x.timeoutMs + core.tickTime }));
  return { znodes, sessions };
}
