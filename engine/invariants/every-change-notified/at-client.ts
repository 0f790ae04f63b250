import type { MonitorCtx } from '../../core/monitor';
import { p } from '../../core/phrase';

/**
 * The client half of every-change-notified: a change the server announced (a watch was armed
 * when it landed) must reach the watcher, as a watch event or as a read of that version or a
 * later one. What can stop it: a datagram link's loss or cut (final: nothing resends it), or a
 * connection that broke with the event in its send buffer. A reconnect's SetWatches re-fires a
 * classic watch whose znode changed meanwhile, but only re-registers a persistent one, so a
 * persistent watcher that does not re-read after a reconnect stays on what it had.
 */

/** A change announced to a watcher that it has not heard of yet. */
export interface Due {
  t: number;
  path: string;
  version: number;
  zxid: number;
  server: string;
  /** When it counts as never arriving. */
  deadline: number;
  /** Announced to a persistent (or recursive) watch, which a reconnect restores without re-firing. */
  persistent: boolean;
  /** The watcher's connection broke and its reconnect restored the watch. */
  restored: boolean;
}

/** `client|path` -> announced changes in order, oldest first. */
export type Dues = Record<string, Due[]>;

/** Network and reconnect slack on top of a session's own bound (ms). */
export const SLACK_MS = 1000;

const keyOf = (client: string, path: string) => `${client}|${path}`;
const clientOf = (key: string, path: string) => key.slice(0, key.length - path.length - 1);

function put(d: Dues, k: string, list: Due[]): Dues {
  const out = { ...d };
  if (list.length === 0) delete out[k];
  else out[k] = list;
  return out;
}

/**
 * The server announced a change to a watcher. It may take up to one and a half session timeouts
 * to arrive (a reconnect within the session, then SetWatches), plus slack.
 */
export function announced(d: Dues, client: string, change: Omit<Due, 'deadline' | 'restored'>, sessionTimeoutMs: number): Dues {
  const k = keyOf(client, change.path);
  return put(d, k, [...(d[k] ?? []), { ...change, deadline: change.t + 1.5 * sessionTimeoutMs + SLACK_MS, restored: false }]);
}

/** A watch event reached the client: it covers the changes up to its zxid (a SetWatches re-fire, zxid -1, covers all). */
export function heardEvent(d: Dues, client: string, path: string, zxid: number): Dues {
  const k = keyOf(client, path);
  if (!d[k]) return d;
  return put(d, k, zxid < 0 ? [] : d[k].filter((x) => x.zxid > zxid));
}

/** The client read the znode at `version`: it knows every change up to it. */
export function heardRead(d: Dues, client: string, path: string, version: number): Dues {
  const k = keyOf(client, path);
  if (!d[k]) return d;
  return put(d, k, d[k].filter((x) => x.version > version));
}

/** The client's reconnect restored its watches: whatever was in flight on the old connection is gone, and must be re-read soon. */
export function restored(d: Dues, client: string, now: number): Dues {
  let out = d;
  for (const k of Object.keys(d)) {
    if (clientOf(k, d[k][0].path) !== client) continue;
    out = put(out, k, d[k].map((x) => ({ ...x, restored: true, deadline: Math.min(x.deadline, now + SLACK_MS) })));
  }
  return out;
}

/** Forget a client's dues (its session ended: it starts over with a read), or a server's (it crashed). */
export function forget(d: Dues, who: string): Dues {
  let out = d;
  for (const k of Object.keys(d)) {
    const first = d[k][0];
    if (clientOf(k, first.path) === who) out = put(out, k, []);
    else if (first.server === who) out = put(out, k, d[k].filter((x) => x.server !== who));
  }
  return out;
}

/**
 * A datagram link dropped the event announcing change `zxid` (`loss` or a cut): it will never
 * arrive, so the watcher is on stale data now.
 */
export function droppedOnWire(d: Dues, client: string, path: string, zxid: number, reason: 'loss' | 'partition', at: number, ctx: MonitorCtx): Dues {
  const k = keyOf(client, path);
  const x = d[k]?.find((y) => y.zxid === zxid);
  if (!x) return d;
  ctx.violate(p('invariants.ecnDropped', { client: ctx.name(client), server: ctx.name(x.server), path, version: x.version, how: reason }), [client], at);
  ctx.metric('watch.undelivered');
  return put(d, k, []);
}

/** Announced changes past their deadline: one violation per watcher and path, then they are forgotten. */
export function overdue(d: Dues, now: number, at: number, ctx: MonitorCtx): Dues {
  let out = d;
  for (const k of Object.keys(d)) {
    const x = d[k][0];
    if (now <= x.deadline) continue;
    const client = clientOf(k, x.path);
    const who = ctx.name(client);
    const why = !x.restored
      ? p('invariants.ecnNothingReached', { who, ms: Math.round(now - x.t) })
      : x.persistent
        ? p('invariants.ecnPersistentRestored', { who, path: x.path })
        : p('invariants.ecnConnectionBroke', { who });
    ctx.violate(p('invariants.ecnStale', { client: ctx.name(client), server: ctx.name(x.server), path: x.path, version: x.version, at: Math.round(x.t), why }), [client], at);
    ctx.metric('watch.undelivered');
    out = put(out, k, []);
  }
  return out;
}
