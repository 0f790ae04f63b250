import { selfAndAncestors } from './paths';
import { grownCapacity, javaHashOrder } from './javahash';
import type { ZkOp, ZkResult, ZkWatchEvent } from './types';
import { WATCH_KINDS, type WatchKind, type ZkClientState } from './state';
import type { Step } from './step';

// The client's watch registry (ZKWatchManager): what a reply registers, what an event consumes,
// what a removal drops, and what a reconnect lists in SetWatches.

/** Registers a watch of `kind` on `path` (once). */
function addWatch(s: ZkClientState, kind: WatchKind, path: string): void {
  if (s.watches[kind].includes(path)) return;
  const list = [...s.watches[kind], path];
  s.watches = { ...s.watches, [kind]: list };
  s.watchMax = { ...s.watchMax, [kind]: Math.max(s.watchMax[kind], list.length) };
}

/** Drops a registration; true if there was one. */
function dropWatch(s: ZkClientState, kind: WatchKind, path: string): boolean {
  if (!s.watches[kind].includes(path)) return false;
  s.watches = { ...s.watches, [kind]: s.watches[kind].filter((p) => p !== path) };
  return true;
}

/** Whether this client holds a watch of that removal type on the path (checked before asking the server). */
export function holdsWatch(s: ZkClientState, path: string, type: 'data' | 'children' | 'any'): boolean {
  const has = (k: WatchKind) => s.watches[k].includes(path);
  if (type === 'children') return has('child');
  if (type === 'data') return has('data') || has('exist');
  return WATCH_KINDS.some(has);
}

/** Which registrations an event consumes, and whether any matched (ZKWatchManager.materialize). */
export function materialize(s: ZkClientState, ev: ZkWatchEvent): boolean {
  let hit = false;
  const take = (k: WatchKind) => {
    if (dropWatch(s, k, ev.path)) hit = true;
  };
  switch (ev.type) {
    case 'NodeCreated':
    case 'NodeDataChanged':
      take('data');
      take('exist');
      break;
    case 'NodeChildrenChanged':
      take('child');
      break;
    case 'NodeDeleted':
      take('data');
      take('exist');
      take('child');
      break;
    default:
      break;
  }
  if (s.watches.persistent.includes(ev.path)) hit = true;
  if (ev.type !== 'NodeChildrenChanged' && selfAndAncestors(ev.path).some((p) => s.watches.recursive.includes(p))) hit = true;
  return hit;
}

/** Registers what a successful read or addWatch asked for (an exists on a missing node is an exist watch). */
export function register(s: ZkClientState, op: ZkOp, r: ZkResult): void {
  if (!r.ok) return;
  if (op.op === 'exists' && op.watch) addWatch(s, r.stat ? 'data' : 'exist', op.path);
  else if (op.op === 'getData' && op.watch) addWatch(s, 'data', op.path);
  else if (op.op === 'getChildren' && op.watch) addWatch(s, 'child', op.path);
  else if (op.op === 'addWatch') addWatch(s, op.mode === 'recursive' ? 'recursive' : 'persistent', op.path);
}

/** Local removal after the server agreed; raises the *WatchRemoved events. */
export function unregister(st: Step, path: string, type: 'data' | 'children' | 'any'): void {
  const s = st.s;
  const ev = (t: ZkWatchEvent['type']) => st.out.push({ kind: 'event', event: { type: t, path } });
  if (type !== 'data' && dropWatch(s, 'child', path)) ev('ChildWatchRemoved');
  if (type !== 'children') {
    const d = dropWatch(s, 'data', path);
    const e = dropWatch(s, 'exist', path);
    if (d || e) ev('DataWatchRemoved');
  }
  if (type === 'any') {
    const p = dropWatch(s, 'persistent', path);
    const r = dropWatch(s, 'recursive', path);
    if (p || r) ev('PersistentWatchRemoved');
  }
}

/**
 * The SetWatches request a reconnect sends, listing every registered watch in the order the
 * Java client's HashMaps iterate them, with the last zxid seen; null when there are none.
 */
export function setWatchesOp(s: ZkClientState): Extract<ZkOp, { op: 'setWatches' }> | null {
  if (!WATCH_KINDS.some((k) => s.watches[k].length > 0)) return null;
  const order = (k: WatchKind) => javaHashOrder(s.watches[k], grownCapacity(s.watchMax[k]));
  return { op: 'setWatches', relativeZxid: s.lastZxid, data: order('data'), exist: order('exist'), child: order('child'), persistent: order('persistent'), recursive: order('recursive') };
}
