import { nameOf, parentOf, selfAndAncestors } from '../../../clients/zookeeper/paths';
import { lastZxid, type WatchEntry, type WatchMode, type WatchTable, type ZkExecResult, type ZkNotification, type ZkServerState, type ZkSession, type Znode } from './state';
import type { ZkErrorCode, ZkEventType, ZkResult } from '../../../clients/zookeeper/types';

/**
 * The write transaction: a working copy for one step, whose records are copied on first write,
 * so the state given to a function is never changed and untouched parts stay shared with it.
 * It hands out zxids, keeps the watch tables and collects the notifications a step causes.
 */
export class Work {
  s: ZkServerState;
  readonly notes: ZkNotification[] = [];
  private copied = new Set<string>();

  constructor(s: ZkServerState) {
    this.s = { ...s };
  }

  private own<K extends 'nodes' | 'sessions' | 'dataWatches' | 'childWatches'>(k: K): ZkServerState[K] {
    if (!this.copied.has(k)) {
      this.s[k] = { ...this.s[k] } as ZkServerState[K];
      this.copied.add(k);
    }
    return this.s[k];
  }

  /** A znode, or undefined (a path from a request is never looked up on the prototype). */
  node(path: string): Znode | undefined {
    return Object.prototype.hasOwnProperty.call(this.s.nodes, path) ? this.s.nodes[path] : undefined;
  }

  /** Writes or (undefined) removes a znode. */
  setNode(path: string, n: Znode | undefined): void {
    const nodes = this.own('nodes');
    if (n === undefined) delete nodes[path];
    else nodes[path] = n;
  }

  /** A session, or undefined. */
  session(id: string): ZkSession | undefined {
    return Object.prototype.hasOwnProperty.call(this.s.sessions, id) ? this.s.sessions[id] : undefined;
  }

  /** Writes or (undefined) removes a session. */
  setSession(id: string, v: ZkSession | undefined): void {
    const sessions = this.own('sessions');
    if (v === undefined) delete sessions[id];
    else sessions[id] = v;
  }

  /** The next transaction's zxid. */
  nextZxid(): number {
    this.s.counter += 1;
    return lastZxid(this.s);
  }

  /** One watch manager's table, owned by this step. */
  table(which: 'data' | 'child'): WatchTable {
    return this.own(which === 'data' ? 'dataWatches' : 'childWatches');
  }

  /** Sets a watch; one mode per (watcher, path) and manager. */
  addWatch(which: 'data' | 'child', path: string, session: string, mode: WatchMode): void {
    const t = this.table(which);
    const list = t[path] ?? [];
    const i = list.findIndex((e) => e.session === session);
    // The last one set replaces the earlier one.
    t[path] = i < 0 ? [...list, { session, mode }] : list.map((e, j) => (j === i ? { session, mode } : e));
  }

  /** Removes a session's watch on a path in one manager; true if it had one. */
  removeWatch(which: 'data' | 'child', path: string, session: string): boolean {
    const t = this.table(which);
    const list = t[path];
    if (!list || !list.some((e) => e.session === session)) return false;
    const rest = list.filter((e) => e.session !== session);
    if (rest.length === 0) delete t[path];
    else t[path] = rest;
    return true;
  }

  /** Drops every watch a session holds (its connection closed or it ended). */
  dropWatches(session: string): void {
    for (const which of ['data', 'child'] as const) {
      const cur = which === 'data' ? this.s.dataWatches : this.s.childWatches;
      const paths = Object.keys(cur).filter((p) => cur[p].some((e) => e.session === session));
      for (const p of paths) this.removeWatch(which, p, session);
    }
  }

  /**
   * WatchManager.triggerWatch: every watch on the path, and recursive watches on its ancestors
   * (except for NodeChildrenChanged), fire once per session; one-shot ones are removed.
   * Sessions in `suppress` already heard about this change and are not told again.
   */
  trigger(which: 'data' | 'child', path: string, type: ZkEventType, zxid: number, suppress?: Set<string>): Set<string> {
    const fired = new Set<string>();
    const cur = which === 'data' ? this.s.dataWatches : this.s.childWatches;
    for (const p of selfAndAncestors(path)) {
      const list = cur[p];
      if (!list) continue;
      const keep: WatchEntry[] = [];
      for (const e of list) {
        if (e.mode === 'recursive') {
          if (type !== 'NodeChildrenChanged') fired.add(e.session);
          keep.push(e);
        } else if (p === path) {
          fired.add(e.session);
          if (e.mode === 'persistent') keep.push(e);
        } else keep.push(e);
      }
      if (keep.length !== list.length) {
        const t = this.table(which);
        if (keep.length === 0) delete t[p];
        else t[p] = keep;
      }
    }
    for (const session of fired) {
      if (!suppress?.has(session)) this.notes.push({ session, event: { type, path }, zxid });
    }
    return fired;
  }

  /** Applies a delete that has passed its checks (DataTree.deleteNode). */
  deleteNode(path: string, zxid: number): void {
    const n = this.node(path)!;
    const pp = parentOf(path);
    const parent = this.node(pp)!;
    this.setNode(pp, {
      ...parent,
      children: parent.children.filter((c) => c !== nameOf(path)),
      pzxid: zxid > parent.pzxid ? zxid : parent.pzxid,
    });
    this.setNode(path, undefined);
    if (n.kind === 'container') this.s.containers = this.s.containers.filter((p) => p !== path);
    else if (n.kind === 'ttl') this.s.ttls = this.s.ttls.filter((p) => p !== path);
    else if (n.kind === 'ephemeral' && n.owner !== null) {
      const sess = this.session(n.owner);
      if (sess) this.setSession(n.owner, { ...sess, ephemerals: sess.ephemerals.filter((p) => p !== path) });
    }
    const told = this.trigger('data', path, 'NodeDeleted', zxid);
    this.trigger('child', path, 'NodeDeleted', zxid, told);
    this.trigger('child', pp, 'NodeChildrenChanged', zxid);
  }

  /** The step's outcome: the new state, the reply and the notifications. */
  done(result: ZkResult, zxid: number, deleted?: string[]): ZkExecResult {
    return { state: this.s, result, zxid, notes: this.notes, deleted };
  }
}

/** A failed request's result. */
export const fail = (err: ZkErrorCode): ZkResult => ({ ok: false, err });
