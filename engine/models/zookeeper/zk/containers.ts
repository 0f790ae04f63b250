import type { ZkNodeKind } from '../../../clients/zookeeper/types';
import type { ZkNotification, ZkServerState, Znode } from './state';
import { Work } from './work';

// The ContainerManager: deletes emptied containers and expired TTL nodes, each delete a transaction.

/** Whether the container manager would delete this node at time `now`. */
function containerCandidate(n: Znode | undefined, now: number): boolean {
  if (!n || n.children.length > 0) return false;
  if (n.kind === 'container') return n.creates > 0;
  if (n.kind === 'ttl') return now - n.mtime > n.ttl;
  return false;
}

/**
 * Earliest server time at which the container manager has something to delete, if the tree
 * stays as it is: now for an emptied container, just after mtime + ttl for a TTL node.
 */
export function nextContainerWork(s: ZkServerState): number | null {
  let min: number | null = null;
  const consider = (t: number) => {
    if (min === null || t < min) min = t;
  };
  for (const p of s.containers) {
    const n = s.nodes[p];
    if (n && n.children.length === 0 && n.creates > 0) consider(-Infinity);
  }
  for (const p of s.ttls) {
    const n = s.nodes[p];
    if (n && n.children.length === 0) consider(n.mtime + n.ttl);
  }
  return min;
}

/**
 * One run of the ContainerManager: deletes emptied containers (that once had a child) and
 * childless TTL nodes unchanged for longer than their TTL. Each delete is a transaction.
 */
export function containerCheck(s: ZkServerState, now: number): { state: ZkServerState; deleted: { path: string; zxid: number; kind: ZkNodeKind }[]; notes: ZkNotification[] } {
  const candidates = [...s.containers, ...s.ttls].filter((p) => containerCandidate(s.nodes[p], now));
  if (candidates.length === 0) return { state: s, deleted: [], notes: [] };
  const w = new Work(s);
  const deleted: { path: string; zxid: number; kind: ZkNodeKind }[] = [];
  for (const path of candidates) {
    const zxid = w.nextZxid();
    const n = w.node(path);
    if (!n || n.children.length > 0) continue;
    w.deleteNode(path, zxid);
    deleted.push({ path, zxid, kind: n.kind });
  }
  return { state: w.s, deleted, notes: w.notes };
}
