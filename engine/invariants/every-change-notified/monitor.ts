import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import type { TraceEvent, TraceEventOf } from '../../core/trace-types';

/**
 * Every change notified, judged at the ZooKeeper server: when a znode's data changes, every
 * client that watches it must have a watch armed there at that moment, or no event will ever
 * tell it about this change. A one-shot watch is spent when it fires and armed again only when
 * the client's re-read reaches the server, so a change landing in between is missed; a
 * persistent watch stays armed. The monitor follows the server's watch table from its trace
 * (watches set, fired, removed; sessions ending; crashes).
 *
 * Metrics: `watch.changes` (changes to watched znodes), `watch.missed` (changes × watchers
 * that no event announced).
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

function armedFor(s: EveryChangeNotifiedState, server: string, client: string, path: string): boolean {
  for (const session of Object.keys(s.clients)) {
    if (s.clients[session] !== client) continue;
    if (s.watches[`${server}|${session}|${path}`]) return true;
    if (ancestors(path).some((a) => s.watches[`${server}|${session}|${a}`] === 'recursive')) return true;
  }
  return false;
}

function onChange(s: EveryChangeNotifiedState, ev: TraceEventOf<'zk.setData'>, ctx: MonitorCtx): EveryChangeNotifiedState {
  const watchers = s.watchers[`${ev.node}|${ev.path}`] ?? [];
  if (watchers.length === 0) return s;
  ctx.metric('watch.changes');
  for (const w of watchers) {
    if (armedFor(s, ev.node, w, ev.path)) continue;
    const firedAt = s.fired[`${ev.node}|${w}|${ev.path}`];
    const why = firedAt === undefined ? `set while it had no watch on ${ev.node}` : `set ${Math.round(ev.t - firedAt)} ms after its one-shot watch fired, before its re-read re-armed it`;
    // The watcher alone: the server did what it promises.
    ctx.violate(`${ctx.name(w)} was never notified of the change that made ${ev.path} version ${ev.version}: ${why}`, [w], ev.i);
    ctx.metric('watch.missed');
  }
  return s;
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

/** A session ended: its watches went with it (a new session's watches are its own). */
function sessionGone(s: EveryChangeNotifiedState, server: string, session: string): EveryChangeNotifiedState {
  const prefix = `${server}|${session}|`;
  return { ...s, watches: without(s.watches, (k) => k.startsWith(prefix)) };
}

/** A crashed client is excused until it watches again; a crashed server lost every watch. */
function crashed(s: EveryChangeNotifiedState, node: string): EveryChangeNotifiedState {
  const watchers: Record<string, string[]> = {};
  for (const k of Object.keys(s.watchers)) {
    if (k.startsWith(`${node}|`)) continue;
    const left = s.watchers[k].filter((c) => c !== node);
    if (left.length > 0) watchers[k] = left;
  }
  return { ...s, watchers, watches: without(s.watches, (k) => k.startsWith(`${node}|`)) };
}

export const everyChangeNotified: MonitorDef<EveryChangeNotifiedState> = {
  id: 'every-change-notified',
  title: 'Every watcher is notified of every change to the znode it watches',
  watches: ['zk.session.open', 'zk.session.resume', 'zk.session.expired', 'zk.session.closed', 'zk.watch.set', 'zk.watch.removed', 'zk.watch.fired', 'zk.setData', 'fault.crash'],
  init: () => ({ clients: {}, watches: {}, watchers: {}, fired: {} }),
  onEvent(s, ev: TraceEvent, ctx) {
    switch (ev.type) {
      case 'zk.session.open':
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
      case 'zk.setData':
        return onChange(s, ev, ctx);
      case 'fault.crash':
        return crashed(s, ev.node);
      default:
        return s;
    }
  },
};
