import { zkHost } from '../../clients/zookeeper/host';
import { zkClientInit, type ZkClientOutput, type ZkClientState } from '../../clients/zookeeper/state';
import type { ZkEventType, ZkResult } from '../../clients/zookeeper/types';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { ConfigWatcherParams } from './params';

/**
 * A service that keeps its configuration in a znode and follows its changes (the observer
 * pattern across machines). With a classic one-shot watch it reads with getData(watch = true),
 * and on each notification reads again the same way, which re-arms the watch: a change that
 * lands between the notification and that re-read raises no event of its own. With a
 * persistent watch (addWatch, ZooKeeper 3.6+) the watch stays armed and every change is
 * notified; the re-read then needs no watch.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The watcher subscribes to the znode. */
    'config.subscribe': { path: string; mode: 'one-shot' | 'persistent' };
    /** A watch notification reached the watcher (it carries no data: the watcher must read). */
    'config.notify': { path: string; event: ZkEventType };
    /** The watcher read the znode; `watch` when the read also re-armed a one-shot watch. */
    'config.read': { path: string; value: string; version: number; watch: boolean };
  }
}

export interface ConfigWatcherState {
  p: ConfigWatcherParams;
  zk: ZkClientState;
  begun: boolean;
  subscribed: boolean;
  value: string | null;
  version: number | null;
  notifications: number;
  reads: number;
  /** A read is on its way. */
  reading: boolean;
  /** One-shot: the watch fired and the re-read that re-arms it has not been answered yet. */
  unarmed: boolean;
}

type Tag = { cw: 'sub' } | { cw: 'read'; watch: boolean } | { cw: 'exists' };
/** The moment to subscribe (startDelayMs after start). */
const TIMERS = timerOwner<{ begin: NoFields }>('config-watcher');
const isBegin = (p: unknown) => TIMERS.match(p) !== null;

const watchOnRead = (s: ConfigWatcherState) => s.p.mode === 'one-shot' || s.p.rereadWatch;

function read(s: ConfigWatcherState, ctx: Ctx): ConfigWatcherState {
  return zk.submit({ ...s, reading: true }, { op: 'getData', path: s.p.path, watch: watchOnRead(s) }, { cw: 'read', watch: watchOnRead(s) }, ctx);
}

function subscribe(s: ConfigWatcherState, ctx: Ctx): ConfigWatcherState {
  ctx.trace('config.subscribe', { path: s.p.path, mode: s.p.mode });
  const n = { ...s, subscribed: true };
  if (s.p.mode === 'one-shot') return read(n, ctx);
  return read(zk.submit(n, { op: 'addWatch', path: s.p.path, mode: 'persistent' }, { cw: 'sub' }, ctx), ctx);
}

function onReply(s: ConfigWatcherState, tag: Tag | null, r: ZkResult, ctx: Ctx): ConfigWatcherState {
  if (!tag) return s;
  switch (tag.cw) {
    case 'sub':
      return s;
    case 'read': {
      // Lost with the connection: still owed, and read again once reconnected.
      if (!r.ok && r.err === 'ConnectionLoss') return s;
      const n = { ...s, reading: false };
      if (r.ok) {
        const version = r.stat?.version ?? 0;
        ctx.trace('config.read', { path: s.p.path, value: r.data ?? '', version, watch: tag.watch });
        ctx.metric('watch.reads');
        return { ...n, value: r.data ?? '', version, reads: s.reads + 1, unarmed: false };
      }
      // Not there yet: a one-shot watcher asks to be told when it is created.
      if (r.err === 'NoNode' && s.p.mode === 'one-shot') return zk.submit(n, { op: 'exists', path: s.p.path, watch: true }, { cw: 'exists' }, ctx);
      return n;
    }
    case 'exists':
      // Created between the read and the exists: read it now.
      return r.ok && r.stat ? read(s, ctx) : { ...s, unarmed: false };
  }
}

function onEvent(s: ConfigWatcherState, type: ZkEventType, path: string, ctx: Ctx): ConfigWatcherState {
  if (path !== s.p.path || (type !== 'NodeDataChanged' && type !== 'NodeCreated' && type !== 'NodeDeleted')) return s;
  ctx.trace('config.notify', { path, event: type });
  ctx.metric('watch.notifications');
  const n = { ...s, notifications: s.notifications + 1, unarmed: s.p.mode === 'one-shot' || s.p.rereadWatch };
  if (type === 'NodeDeleted') {
    const gone = { ...n, value: null, version: null };
    return s.p.mode === 'one-shot' ? zk.submit(gone, { op: 'exists', path, watch: true }, { cw: 'exists' }, ctx) : { ...gone, unarmed: false };
  }
  return read(n, ctx);
}

function onOutput(s: ConfigWatcherState, o: ZkClientOutput<Tag | null>, ctx: Ctx): ConfigWatcherState {
  if (o.kind === 'reply') return onReply(s, o.tag, o.result, ctx);
  if (o.kind === 'event') return onEvent(s, o.event.type, o.event.path, ctx);
  // The session and its watches are gone: a new handle, and subscribe again once connected.
  if (o.keeper === 'Expired') return zk.start({ ...s, subscribed: false, reading: false }, ctx);
  // First connection: subscribe. A reconnect to the same session: the library restored the
  // watches (SetWatches re-fires a classic watch whose znode changed meanwhile, but not a
  // persistent one); read again if a read was lost with the old connection, or always when the
  // application re-reads after a reconnect as Curator's caches do.
  if (o.keeper === 'SyncConnected' && s.begun) return s.subscribed ? (s.reading || s.p.rereadOnReconnect ? read(s, ctx) : s) : subscribe(s, ctx);
  return s;
}

/** The ZooKeeper client's glue: replies, watch events and state changes go to onOutput. */
const zk = zkHost(onOutput);

/** Follows a configuration znode with a one-shot or a persistent watch. */
export const configWatcher: ProgramDef<ConfigWatcherParams, ConfigWatcherState> = {
  kind: 'config-watcher',
  init: (p) => ({
    p,
    zk: zkClientInit({ server: p.target, sessionTimeoutMs: p.sessionTimeoutMs }),
    begun: false,
    subscribed: false,
    value: null,
    version: null,
    notifications: 0,
    reads: 0,
    reading: false,
    unarmed: false,
  }),
  start(s, ctx) {
    ctx.setTimer(s.p.startDelayMs, TIMERS.make('begin'));
    const n = { ...s, begun: false, subscribed: false, value: null, version: null, notifications: 0, reads: 0, reading: false, unarmed: false };
    return zk.start(n, ctx);
  },
  onMessage: zk.onMessage,
  onTimer(s, payload, ctx) {
    if (isBegin(payload)) {
      const n = { ...s, begun: true };
      return n.zk.phase === 'connected' && !n.subscribed ? subscribe(n, ctx) : n;
    }
    return zk.onTimer(s, payload, ctx);
  },
  onClockChange: zk.onClockChange,
  view(s) {
    // Short enough for a card; the version is in the log.
    const has = s.value === null ? p('pattern.config-watcher.noConfig') : p('pattern.config-watcher.has', { value: s.value });
    const detail = p('pattern.config-watcher.detail', { has, n: s.notifications, rearming: s.unarmed ? p('pattern.config-watcher.rearming') : '' });
    if (s.zk.phase !== 'connected') return { status: 'waiting', detail: s.subscribed ? p('pattern.config-watcher.reconnecting', { detail }) : p('pattern.config-watcher.connecting') };
    if (!s.subscribed) return { status: 'idle', detail: p('pattern.config-watcher.notSubscribed') };
    return { status: s.reading ? 'working' : 'idle', detail };
  },
  describeTimer: (payload) => (isBegin(payload) ? p('pattern.config-watcher.timerBegin') : (zk.describeTimer(payload) ?? p('core.timerFires'))),
  narrate(ev, name) {
    switch (ev.type) {
      case 'config.subscribe':
        return p(ev.mode === 'one-shot' ? 'pattern.config-watcher.subOneShot' : 'pattern.config-watcher.subPersistent', { node: name(ev.node), path: ev.path });
      case 'config.notify':
        return p('pattern.config-watcher.notify', { node: name(ev.node), event: ev.event, path: ev.path });
      case 'config.read':
        return p('pattern.config-watcher.read', { node: name(ev.node), path: ev.path, value: ev.value, version: ev.version, rearm: ev.watch ? p('pattern.config-watcher.readRearm') : '' });
      default:
        return zk.narrate(ev, name);
    }
  },
};
