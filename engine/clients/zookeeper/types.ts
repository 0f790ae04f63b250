/** Plain-data types shared by the ZooKeeper server core, its wire messages and the client library. */

/** Errors a request can end in, named as the Java client's `KeeperException` subclasses. */
export type ZkErrorCode =
  | 'NoNode'
  | 'NodeExists'
  | 'BadVersion'
  | 'NotEmpty'
  | 'NoChildrenForEphemerals'
  | 'BadArguments'
  | 'NoWatcher'
  | 'NoAuth'
  | 'SessionExpired'
  | 'ConnectionLoss'
  | 'Unimplemented'
  /** Not a server error: the client library threw IllegalArgumentException before sending (`detail` is its message). */
  | 'IllegalArgument';

/** Largest TTL the server accepts (EphemeralType.TTL's 40-bit value). */
export const MAX_TTL = 0xff_ffff_ffff;

/** How a znode lives: until deleted, with its session, until its last child goes, or until its TTL runs out. */
export type ZkNodeKind = 'persistent' | 'ephemeral' | 'container' | 'ttl';

/** A znode's stat as a client sees it (ctime/mtime in server ms, zxids as numbers: epoch * 2^32 + counter). */
export interface ZkStat {
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  /** Changes to the children: creations plus deletions (3.x reports 2 × creations − numChildren). */
  cversion: number;
  aversion: number;
  /** Owning session id for an ephemeral, '0x0' otherwise (containers and TTL nodes show 0 too). */
  ephemeralOwner: string;
  dataLength: number;
  numChildren: number;
}

export type ZkEventType =
  | 'NodeCreated'
  | 'NodeDeleted'
  | 'NodeDataChanged'
  | 'NodeChildrenChanged'
  | 'DataWatchRemoved'
  | 'ChildWatchRemoved'
  | 'PersistentWatchRemoved';

/** A watch notification as the client receives it. */
export interface ZkWatchEvent {
  type: ZkEventType;
  path: string;
}

/** A request's operation. Reads carry `watch`; writes carry the expected `version` (-1 = any). */
export type ZkOp =
  | { op: 'create'; path: string; data: string; kind: ZkNodeKind; sequential?: boolean; ttl?: number }
  | { op: 'delete'; path: string; version: number }
  | { op: 'setData'; path: string; data: string; version: number }
  | { op: 'getData'; path: string; watch: boolean }
  | { op: 'exists'; path: string; watch: boolean }
  | { op: 'getChildren'; path: string; watch: boolean }
  | { op: 'addWatch'; path: string; mode: 'persistent' | 'recursive' }
  | { op: 'removeWatches'; path: string; type: 'data' | 'children' | 'any' }
  | { op: 'sync'; path: string }
  /** One transaction of several writes and version checks: all of it happens, or none. */
  | { op: 'multi'; ops: ZkMultiOp[] }
  | { op: 'ping' }
  | { op: 'closeSession' }
  | {
      op: 'setWatches';
      relativeZxid: number;
      data: string[];
      exist: string[];
      child: string[];
      persistent: string[];
      recursive: string[];
    };

export type ZkOpName = ZkOp['op'];

/** What a multi may hold (Op.create / setData / delete / check). */
export type ZkMultiOp =
  | { op: 'create'; path: string; data: string; kind: 'persistent' | 'ephemeral'; sequential?: boolean }
  | { op: 'delete'; path: string; version: number }
  | { op: 'setData'; path: string; data: string; version: number }
  | { op: 'check'; path: string; version: number };

/**
 * One sub-operation's outcome. When the multi fails, every one is an error: `OK` before the
 * one that failed, its own error, then `RuntimeInconsistency` (nothing after it was tried).
 */
export type ZkOpResult = { op: 'create'; path: string } | { op: 'setData'; stat: ZkStat } | { op: 'delete' } | { op: 'check' } | { op: 'error'; err: ZkErrorCode | 'OK' | 'RuntimeInconsistency' };

/** What a request comes back with. */
export type ZkResult =
  | { ok: true; path?: string; stat?: ZkStat | null; data?: string; children?: string[]; results?: ZkOpResult[] }
  | { ok: false; err: ZkErrorCode; detail?: string; results?: ZkOpResult[] };

/** Ops that are transactions: each gets its own zxid, even when it fails. */
export const WRITE_OPS: ReadonlySet<ZkOpName> = new Set<ZkOpName>(['create', 'delete', 'setData', 'closeSession', 'multi']);
