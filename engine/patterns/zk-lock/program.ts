import type { Ctx } from '../../core/types';
import { zkHost } from '../../clients/zookeeper/host';
import { zkClientInit, type ZkClientOutput, type ZkClientState } from '../../clients/zookeeper/state';
import type { ZkOp, ZkResult } from '../../clients/zookeeper/types';
import {
  acquired,
  describeSectionTimer,
  failed,
  holding,
  initSection,
  lost,
  narrateLock,
  onSectionTimer,
  onStorageMessage,
  releaseDone,
  sectionView,
  startSections,
  waiting,
  waitRequest,
  type LockHooks,
  type SectionState,
} from '../lock-common';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import type { ZkLockParams } from './params';

export interface ZkLockState {
  p: ZkLockParams;
  sec: SectionState;
  zk: ZkClientState;
  /** Our lock node (full path), once created. */
  ours: string | null;
  /** The node we watch (predecessor), or the parent in herd mode. */
  watching: string | null;
  /** Requests this round; the first create and getChildren are the price of asking, the rest of waiting. */
  asks: number;
}

/** Request tags: what a reply is for, and the round it belongs to. */
type Tag = { z: 'create' | 'find' | 'children' | 'watch' | 'delete'; round: number } | { z: 'parent'; round: number; path: string };

const VIA = 'zk-lock';
/** Curator's protection prefix: lets a client find its own node after a create whose reply was lost. */
const prefixOf = (s: ZkLockState) => `_c_${s.sec.life}-lock-`;
const seqOf = (name: string) => Number(name.slice(-10));
const sortBySeq = (names: readonly string[]) => [...names].filter((n) => /\d{10}$/.test(n)).sort((a, b) => seqOf(a) - seqOf(b));
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The ZooKeeper client's glue: replies, watch events and state changes go to onOutput. */
const zk = zkHost(onOutput);

const asking = (s: ZkLockState) => s.sec.phase === 'acquiring' || s.sec.phase === 'waiting';

function count(s: ZkLockState, ctx: Ctx): ZkLockState {
  if (s.asks >= 2) waitRequest(hooks, ctx);
  return { ...s, asks: s.asks + 1 };
}

function create(s: ZkLockState, ctx: Ctx): ZkLockState {
  return zk.submit(count(s, ctx), { op: 'create', path: `${s.p.lockPath}/${prefixOf(s)}`, data: s.sec.life, kind: 'ephemeral', sequential: true }, { z: 'create', round: s.sec.round }, ctx);
}

/** The lock loop: list the contenders (with a watch on the parent in herd mode). */
function checkChildren(s: ZkLockState, ctx: Ctx): ZkLockState {
  return zk.submit(count(s, ctx), { op: 'getChildren', path: s.p.lockPath, watch: s.p.herd }, { z: 'children', round: s.sec.round }, ctx);
}

function parents(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

function onChildren(s: ZkLockState, children: readonly string[], ctx: Ctx): ZkLockState {
  // getChildren lists the server's hash order; only sorting by sequence number gives the queue.
  const sorted = s.p.sortChildren ? sortBySeq(children) : children.filter((n) => /\d{10}$/.test(n));
  const me = s.ours === null ? -1 : sorted.indexOf(nameOf(s.ours));
  // Our node is gone (the session that made it expired): start over with a new one.
  if (me < 0) return create({ ...s, ours: null }, ctx);
  if (me === 0) {
    const token = s.p.fencing ? seqOf(nameOf(s.ours!)) : null;
    return acquired({ ...s, watching: null }, hooks, { token, leaseMs: null, znode: s.ours }, ctx);
  }
  if (s.p.herd) {
    const detail = p('pattern.zk-lock.herd', { ahead: me, path: s.p.lockPath });
    return waiting({ ...s, watching: s.p.lockPath }, hooks, 'herd', null, detail, ctx);
  }
  const pred = `${s.p.lockPath}/${sorted[me - 1]}`;
  return zk.submit(count({ ...s, watching: pred }, ctx), { op: 'getData', path: pred, watch: true }, { z: 'watch', round: s.sec.round }, ctx);
}

function onReply(s: ZkLockState, tag: Tag, op: ZkOp, r: ZkResult, ctx: Ctx): ZkLockState {
  if (tag.round !== s.sec.round) return s;
  if (tag.z === 'delete') {
    if (s.sec.phase !== 'releasing') return s;
    if (r.ok) return releaseDone({ ...s, ours: null }, hooks, true, p('pattern.zk-lock.deleted'), ctx);
    if (r.err === 'ConnectionLoss') return zk.submit(s, op, tag, ctx); // Curator's guaranteed delete
    return releaseDone({ ...s, ours: null }, hooks, false, r.err === 'NoNode' ? p('pattern.zk-lock.alreadyGone') : p('pattern.zk-lock.deleteFailed', { err: r.err ?? '' }), ctx);
  }
  if (!asking(s)) return s;
  if (!r.ok) {
    if (r.err === 'ConnectionLoss') return s.ours === null ? findOurs(s, ctx) : checkChildren(s, ctx);
    if (r.err === 'SessionExpired') return { ...s, ours: null, watching: null }; // restarted on LOST
  }
  switch (tag.z) {
    case 'create':
      if (r.ok) return checkChildren({ ...s, ours: r.path ?? null }, ctx);
      if (r.err === 'NoNode') return submitParent(s, parents(s.p.lockPath)[0], ctx);
      // Anything else (a bad path, an ephemeral parent) will not get better by trying again.
      return failed(s, p('pattern.zk-lock.cannotCreateNode', { path: s.p.lockPath, err: String(r.err) }));
    case 'parent': {
      if (!r.ok && r.err !== 'NodeExists') return failed(s, p('pattern.zk-lock.cannotCreate', { path: tag.path, err: String(r.err) }));
      const chain = parents(s.p.lockPath);
      const i = chain.indexOf(tag.path);
      if (i + 1 < chain.length) return submitParent(s, chain[i + 1], ctx);
      // The first create failed only for want of a parent: this one is still the first ask.
      return create({ ...s, asks: 0 }, ctx);
    }
    case 'find': {
      if (!r.ok) return create(s, ctx);
      const mine = (r.children ?? []).find((c) => c.startsWith(prefixOf(s)));
      return mine ? checkChildren({ ...s, ours: `${s.p.lockPath}/${mine}` }, ctx) : create(s, ctx);
    }
    case 'children':
      if (!r.ok) return r.err === 'NoNode' ? create({ ...s, ours: null }, ctx) : s;
      return onChildren(s, r.children ?? [], ctx);
    case 'watch':
      // The predecessor left between our listing and the watch: look again at once.
      if (!r.ok) return checkChildren(s, ctx);
      return waiting(s, hooks, 'watch', null, p('pattern.zk-lock.watchesPred', { node: nameOf(s.watching ?? '') }), ctx);
  }
}

function submitParent(s: ZkLockState, path: string, ctx: Ctx): ZkLockState {
  return zk.submit(s, { op: 'create', path, data: '', kind: 'container' }, { z: 'parent', round: s.sec.round, path }, ctx);
}

/** After a lost create reply: look for a child with our protection prefix before creating again. */
function findOurs(s: ZkLockState, ctx: Ctx): ZkLockState {
  return zk.submit(s, { op: 'getChildren', path: s.p.lockPath, watch: false }, { z: 'find', round: s.sec.round }, ctx);
}

function onOutput(s: ZkLockState, o: ZkClientOutput<Tag>, ctx: Ctx): ZkLockState {
  switch (o.kind) {
    case 'reply':
      return onReply(s, o.tag, o.op, o.result, ctx);
    case 'event': {
      const ev = o.event;
      if (s.sec.phase !== 'waiting' || s.watching === null) return s;
      const mine = s.p.herd ? ev.type === 'NodeChildrenChanged' && ev.path === s.p.lockPath : ev.path === s.watching;
      if (!mine) return s;
      ctx.trace('lock.wake', { lock: s.p.lockPath, via: VIA, how: 'watch', detail: `${ev.type} ${ev.path}` });
      ctx.metric(`${VIA}.wakeups`);
      return checkChildren({ ...s, watching: null }, ctx);
    }
    case 'state': {
      if (o.curator !== 'LOST') return s;
      // The session is gone, and with it our ephemeral node; the library opens a new session.
      if (holding(s)) return lost({ ...s, ours: null }, hooks, p('pattern.zk-lock.sessionLost'), ctx);
      if (asking(s)) return create({ ...s, ours: null, watching: null }, ctx);
      return s;
    }
  }
}

const hooks: LockHooks<ZkLockState> = {
  via: VIA,
  lockName: (s) => s.p.lockPath,
  server: (s) => s.zk.server,
  acquire: (s, ctx) => create({ ...s, ours: null, watching: null, asks: 0 }, ctx),
  release(s, ctx) {
    if (s.ours === null) return releaseDone(s, hooks, false, p('pattern.zk-lock.alreadyGone'), ctx);
    return zk.submit(s, { op: 'delete', path: s.ours, version: -1 }, { z: 'delete', round: s.sec.round }, ctx);
  },
};

/**
 * Curator's InterProcessMutex on the ZooKeeper client library: create an EPHEMERAL_SEQUENTIAL
 * node under the lock path, list the children (no watch); the lowest number holds the lock,
 * anyone else watches only the node just before its own (getData with a watch), so a release
 * wakes exactly one waiter. `herd: true` is the naive recipe where every waiter watches the
 * parent and every change wakes them all. A crashed holder's node vanishes when its session
 * expires, which hands the lock on with no TTL to tune.
 */
export const zkLock: ProgramDef<ZkLockParams, ZkLockState> = {
  kind: VIA,
  init: (p) => ({ p, sec: initSection(), zk: zkClientInit({ server: p.target, sessionTimeoutMs: p.sessionTimeoutMs, curator: true }), ours: null, watching: null, asks: 0 }),
  start(s, ctx) {
    const n = startSections({ ...s, ours: null, watching: null, asks: 0 }, ctx);
    return zk.start(n, ctx);
  },
  onMessage: (s, msg, from, ctx) => onStorageMessage(s, msg, hooks, ctx) ?? zk.onMessage(s, msg, from, ctx),
  onTimer: (s, payload, ctx) => onSectionTimer(s, payload, hooks, ctx) ?? zk.onTimer(s, payload, ctx),
  onClockChange: zk.onClockChange,
  view(s) {
    const v = sectionView(s);
    if (s.zk.curator === 'SUSPENDED') return { ...v, detail: v.detail ? p('pattern.zk-lock.suspendedWith', { detail: v.detail }) : p('pattern.zk-lock.suspended') };
    return v;
  },
  describeTimer: (payload) => describeSectionTimer(payload) ?? zk.describeTimer(payload) ?? p('core.timerFires'),
  narrate: (ev, name) => narrateLock(ev, name) ?? zk.narrate(ev, name),
};
