import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';
import type { TraceEvent, TraceEventOf } from '../../core/trace-types';
import { announced, droppedOnWire, forget, heardEvent, heardRead, overdue, restored, type Dues } from './at-client';

/**
 * Every change notified, judged twice.
 *
 * At the ZooKeeper server: when a znode's data changes, every client that watches it must have
 * a watch armed there at that moment, or no event will ever tell it about this change. A
 * one-shot watch is spent when it fires and armed again only when the client's re-read reaches
 * the server, so a change landing in between is missed; a persistent watch stays armed. The
 * monitor follows the server's watch table from its trace (watches set, fired, removed,
 * restored by a reconnect's SetWatches; sessions ending; crashes).
 *
 * At the client: a change the server did announce must reach the watcher. An event lost on the
 * way (a datagram link's loss or cut) or stuck on a connection that never recovers leaves the
 * service on stale data however well the server did, so a watcher that hears nothing of an
 * announced change within one and a half session timeouts (what a reconnect with SetWatches
 * may take) plus a second of slack is a violation. A watcher whose session ends is excused:
 * it starts over with a fresh read.
 *
 * Metrics: `watch.changes` (changes to watched znodes), `watch.missed` (changes × watchers
 * that no event announced), `watch.restored` (watches re-registered after a reconnect),
 * `watch.undelivered` (announced changes that never reached the watcher).
 */

type Mode = 'standard' | 'persistent' | 'recursive';

export interface EveryChangeNotifiedState {
  /** Session id -> client node. */
  clients: Record<string, string>;
  /** `server|session|path` -> the data watch's mode there. */
  watches: Record<string, Mode>;
  /** `server|path` -> clients that watch it (they set a data watch and have not crashed since). */
  watchers: Record<string, string[]>;
  /** `server|client|path` -> when its one-shot watch last fired (for the message). */
  fired: Record<string, number>;
  /** Client -> its session timeout (ms), which bounds how late an announced change may arrive. */
  timeouts: Record<string, number>;
  /** Changes announced to each watcher that it has not heard of yet (judged at the client). */
  due: Dues;
}

const DATA_EVENTS = new Set(['NodeDataChanged', 'NodeCreated', 'NodeDeleted']);

function without<T>(r: Record<string, T>, drop: (k: string) => boolean): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r)) if (!drop(k)) out[k] = r[k];
  return out;
}

function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
}

/** The mode of the watch that will announce a change to `path` to `client`, if one is armed. */
function armedFor(s: EveryChangeNotifiedState, server: string, client: string, path: string): Mode | null {
  for (const session of Object.keys(s.clients)) {
    if (s.clients[session] !== client) continue;
    const own = s.watches[`${server}|${session}|${path}`];
    if (own) return own;
    if (ancestors(path).some((a) => s.watches[`${server}|${session}|${a}`] === 'recursive')) return 'recursive';
  }
  return null;
}

function onChange(s: EveryChangeNotifiedState, ev: TraceEventOf<'zk.setData'>, ctx: MonitorCtx): EveryChangeNotifiedState {
  const watchers = s.watchers[`${ev.node}|${ev.path}`] ?? [];
  if (watchers.length === 0) return s;
  ctx.metric('watch.changes');
  let due = s.due;
  for (const w of watchers) {
    const mode = armedFor(s, ev.node, w, ev.path);
    if (mode) {
      const change = { t: ev.t, path: ev.path, version: ev.version, zxid: ev.zxid, server: ev.node, persistent: mode !== 'standard' };
      due = announced(due, w, change, s.timeouts[w] ?? 0);
      continue;
    }
    const firedAt = s.fired[`${ev.node}|${w}|${ev.path}`];
    const why = firedAt === undefined ? p('invariants.ecnNoWatch', { node: ev.node }) : p('invariants.ecnAfterFired', { ms: Math.round(ev.t - firedAt) });
    // The watcher alone: the server did what it promises.
    ctx.violate(p('invariants.ecnNever', { who: ctx.name(w), path: ev.path, version: ev.version, why }), [w], ev.i);
    ctx.metric('watch.missed');
  }
  return due === s.due ? s : { ...s, due };
}

function onSet(s: EveryChangeNotifiedState, ev: TraceEventOf<'zk.watch.set'>): EveryChangeNotifiedState {
  if (ev.kind === 'child') return s;
  const mode: Mode = ev.kind === 'persistent' ? 'persistent' : ev.kind === 'recursive' ? 'recursive' : 'standard';
  const watches = { ...s.watches, [`${ev.node}|${ev.session}|${ev.path}`]: mode };
  const client = s.clients[ev.session];
  const wk = `${ev.node}|${ev.path}`;
  if (client === undefined || (s.watchers[wk] ?? []).includes(client)) return { ...s, watches };
  return { ...s, watches, watchers: { ...s.watchers, [wk]: [...(s.watchers[wk] ?? []), client] } };
}

function onFired(s: EveryChangeNotifiedState, ev: TraceEventOf<'zk.watch.fired'>): EveryChangeNotifiedState {
  if (!DATA_EVENTS.has(ev.event)) return s;
  const k = `${ev.node}|${ev.session}|${ev.path}`;
  if (s.watches[k] !== 'standard') return s;
  const client = s.clients[ev.session];
  const fired = client === undefined ? s.fired : { ...s.fired, [`${ev.node}|${client}|${ev.path}`]: ev.t };
  return { ...s, watches: without(s.watches, (x) => x === k), fired };
}

/** A session ended: its watches went with it (a new session's watches are its own, and start with a read). */
function sessionGone(s: EveryChangeNotifiedState, server: string, session: string): EveryChangeNotifiedState {
  const prefix = `${server}|${session}|`;
  const client = s.clients[session];
  const due = client === undefined ? s.due : forget(s.due, client);
  return { ...s, due, watches: without(s.watches, (k) => k.startsWith(prefix)) };
}

/** A crashed client is excused until it watches again; a crashed server lost every watch. */
function crashed(s: EveryChangeNotifiedState, node: string): EveryChangeNotifiedState {
  const watchers: Record<string, string[]> = {};
  for (const k of Object.keys(s.watchers)) {
    if (k.startsWith(`${node}|`)) continue;
    const left = s.watchers[k].filter((c) => c !== node);
    if (left.length > 0) watchers[k] = left;
  }
  const due = forget(s.due, node);
  return { ...s, watchers, due, watches: without(s.watches, (k) => k.startsWith(`${node}|`)) };
}

function onEvent(s: EveryChangeNotifiedState, ev: TraceEvent, ctx: MonitorCtx): EveryChangeNotifiedState {
  switch (ev.type) {
    case 'zk.session.open': {
      const n = { ...s, timeouts: { ...s.timeouts, [ev.client]: ev.timeoutMs } };
      return s.clients[ev.session] === ev.client ? n : { ...n, clients: { ...n.clients, [ev.session]: ev.client } };
    }
    case 'zk.session.resume':
      return s.clients[ev.session] === ev.client ? s : { ...s, clients: { ...s.clients, [ev.session]: ev.client } };
    case 'zk.session.expired':
    case 'zk.session.closed':
      return sessionGone(s, ev.node, ev.session);
    case 'zk.watch.set':
      return onSet(s, ev);
    case 'zk.watch.removed': {
      if (ev.which === 'children') return s;
      const k = `${ev.node}|${ev.session}|${ev.path}`;
      return { ...s, watches: without(s.watches, (x) => x === k) };
    }
    case 'zk.watch.fired':
      return onFired(s, ev);
    case 'zk.watch.restored': {
      ctx.metric('watch.restored', ev.watches);
      const client = s.clients[ev.session];
      return client === undefined ? s : { ...s, due: restored(s.due, client, ev.t) };
    }
    case 'zk.setData':
      return onChange(s, ev, ctx);
    case 'zk.client.event':
      return DATA_EVENTS.has(ev.event) ? { ...s, due: heardEvent(s.due, ev.node, ev.path, ev.zxid) } : s;
    case 'config.read':
      return { ...s, due: heardRead(s.due, ev.node, ev.path, ev.version) };
    case 'net.drop': {
      const m = ev.msg as { type: string; zxid?: number; event?: { path?: string } };
      if (m.type !== 'zk.watch' || typeof m.event?.path !== 'string' || (ev.reason !== 'loss' && ev.reason !== 'partition')) return s;
      return { ...s, due: droppedOnWire(s.due, ev.to, m.event.path, m.zxid ?? -1, ev.reason, ev.i, ctx) };
    }
    case 'fault.crash':
      return crashed(s, ev.node);
    default:
      return s;
  }
}

export const everyChangeNotified: MonitorDef<EveryChangeNotifiedState> = {
  id: 'every-change-notified',
  title: 'Every watcher is notified of every change to the znode it watches',
  watches: [
    'zk.session.open', 'zk.session.resume', 'zk.session.expired', 'zk.session.closed', 'zk.watch.set', 'zk.watch.removed', 'zk.watch.fired', 'zk.watch.restored',
    'zk.setData', 'zk.client.event', 'config.read', 'net.drop', 'fault.crash', 'timer.fire',
  ],
  init: () => ({ clients: {}, watches: {}, watchers: {}, fired: {}, timeouts: {}, due: {} }),
  onEvent(s0, ev, ctx) {
    const s = onEvent(s0, ev, ctx);
    const due = overdue(s.due, ev.t, ev.i, ctx);
    return due === s.due ? s : { ...s, due };
  },
};
