import type { MonitorCtx, MonitorDef } from '../../core/monitor';
import { p, type Say } from '../../core/phrase';
import { commas } from '../say';
import type { TraceEvent, TraceEventOf } from '../../core/trace-types';
// Until this monitor's own text is in its catalog (#18), the lock programs' phrases are read in English.
import { initAcquire, insertSorted, noteAcquire, noteDone, noteWait, percentile, type AcquireStats } from './acquire';
import { initThroughput, noteOp, type Throughput } from './throughput';

/**
 * Mutual exclusion, judged at the resource in true time: a critical section is open from the
 * moment the storage sees it enter (or first write) until its last write, its leave, the
 * storage fencing it off, or its client crashing. A second section entering while another
 * client's is open is a violation, whatever the clients believe. To say *why* it happened,
 * the monitor also follows the lock's life on the servers (keys expiring, a foreign DEL,
 * sessions expiring, a replica promoted) and the clients' pauses.
 *
 * It also keeps the lock metrics a scenario compares (per program kind `via`):
 * `<via>.handoff.avg.ms` / `.max.ms` / `.p50.ms` / `.p99.ms` (the holder starts its unlock ->
 * the next waiting client has the lock),
 * `<via>.unusable.ms` (holder crashed -> someone else has it), and
 * `<via>.wakeups.per.handoff` (notifications handled by waiters per handoff: 1 without a herd),
 * `<via>.acquire.p50.ms` / `.p99.ms` (acquire latency without contention, ./acquire.ts), and
 * `<via>.ops.per.s` (lock operations in the busiest second, ./throughput.ts).
 */

interface Open {
  storage: string;
  section: string;
  client: string;
  openedAt: number;
}

interface Holder {
  lock: string;
  via: string;
  server: string;
  since: number;
  znode: string | null;
  leaseMs: number | null;
  /** Redlock: the masters whose grant made the majority (null for a single-server lock). */
  quorum: readonly string[] | null;
}

/** The event that took a holder's lock away: trace index `i`, on or by node `node`. */
interface Cause {
  i: number;
  node: string;
}

interface Lost extends Cause {
  at: number;
  why: Say;
}

interface Free {
  at: number;
  by: string;
  how: 'release' | 'crash';
}

interface Stats {
  /** Handoffs of any kind (after a release or a holder's crash). */
  handoffs: number;
  /** Handoffs after a release: what the average latency is over. */
  released: number;
  sum: number;
  max: number;
  /** The handoff latencies after a release, sorted: for the percentiles. */
  gaps: number[];
  unusable: number;
  wakes: number;
}

export interface MutualExclusionState {
  open: Record<string, Open>;
  holders: Record<string, Holder>;
  /** Why a client's lock went away while it held it (first cause seen), when, and the event and node that did it. */
  lostWhy: Record<string, Lost>;
  /** Nodes frozen now, since when. */
  paused: Record<string, number>;
  /** Clock steps on each node (forward or back), when and by how much: a lease read on a stepped clock. */
  jumps: Record<string, { at: number; deltaMs: number }[]>;
  /** Per holder: its watchdog's last renewal that reached the server, and the first that failed. */
  renewals: Record<string, { okAt: number | null; failed: { at: number; detail: Say } | null }>;
  /** Per holder: when a partition first kept its messages from its lock server. */
  cut: Record<string, number>;
  /** Per Redlock holder: masters of its majority that crashed while it held the lock (when, trace index). */
  masterDown?: Record<string, { node: string; at: number; i: number }[]>;
  /** Replicas promoted: node -> old primary, when, and the promotion's trace index. */
  promoted: Record<string, { from: string; at: number; i: number }>;
  /** Per lock (`via|name`): when it last became free, and how. */
  free: Record<string, Free>;
  stats: Record<string, Stats>;
  reported: string[];
  /** Per client: the section of its latest acquisition. */
  current: Record<string, string>;
  /** Sections whose client crashed: an enter still in flight opens nothing. */
  dead: string[];
  acquire: AcquireStats;
  ops: Throughput;
}

const ms = (t: number) => `${Math.round(t)} ms`;
const lockId = (via: string, lock: string) => `${via}|${lock}`;
const openKey = (storage: string, section: string) => `${storage} ${section}`;

function copy<T>(r: Record<string, T>, k: string, v: T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(r)) if (key !== k) out[key] = r[key];
  if (v !== undefined) out[k] = v;
  return out;
}

function stat(s: MutualExclusionState, via: string): Stats {
  return s.stats[via] ?? { handoffs: 0, released: 0, sum: 0, max: 0, gaps: [], unusable: 0, wakes: 0 };
}

function publish(via: string, st: Stats, ctx: MonitorCtx): void {
  if (st.released > 0) {
    ctx.setMetric(`${via}.handoff.avg.ms`, Math.round((st.sum / st.released) * 10) / 10);
    ctx.setMetric(`${via}.handoff.max.ms`, Math.round(st.max * 10) / 10);
    ctx.setMetric(`${via}.handoff.p50.ms`, Math.round(percentile(st.gaps, 50) * 10) / 10);
    ctx.setMetric(`${via}.handoff.p99.ms`, Math.round(percentile(st.gaps, 99) * 10) / 10);
  }
  if (st.handoffs > 0) {
    ctx.setMetric(`${via}.wakeups.per.handoff`, Math.round((st.wakes / st.handoffs) * 100) / 100);
  }
  if (st.unusable > 0) ctx.setMetric(`${via}.unusable.ms`, Math.round(st.unusable * 10) / 10);
}

/** Notes why `client` lost its lock (and which event, on or by which node), unless a cause is already known. */
function noteLost(s: MutualExclusionState, client: string, at: number, why: Say, cause: Cause): MutualExclusionState {
  if (!s.holders[client] || s.lostWhy[client]) return s;
  return { ...s, lostWhy: copy(s.lostWhy, client, { at, why, ...cause }) };
}

/** A clock step on `server` between `from` and `to` that made a lease run out early (or late). */
function jumpNote(s: MutualExclusionState, server: string, from: number, to: number, name: (id: string) => string): Say {
  const steps = (s.jumps[server] ?? []).filter((j) => j.at >= from && j.at <= to);
  if (steps.length === 0) return '';
  const total = steps.reduce((a, j) => a + j.deltaMs, 0);
  const sign = (d: number) => (d >= 0 ? `+${Math.round(d)}` : `${Math.round(d)}`);
  const what = commas(steps.map((j) => p('invariants.meStep', { delta: sign(j.deltaMs), at: ms(j.at) })));
  return total > 0 ? p('invariants.meJumped', { real: ms(to - from), server: name(server), what }) : p('invariants.meStepped', { server: name(server), what });
}

/** What the holder's watchdog managed, when its renewals stopped reaching the server. */
function renewalNote(s: MutualExclusionState, client: string, server: string, name: (id: string) => string): Say {
  const r = s.renewals[client] ?? { okAt: null, failed: null };
  const cut = s.cut[client];
  if (cut !== undefined) return p('invariants.meRenewalsCut', { server: name(server), at: ms(cut) });
  if (r.failed) return p('invariants.meRenewalFailed', { at: ms(r.failed.at), detail: r.failed.detail });
  if (r.okAt !== null) return p('invariants.meNoRenewal', { server: name(server), since: ms(r.okAt) });
  return '';
}

function pausedNote(s: MutualExclusionState, client: string, name: (id: string) => string): Say {
  const since = s.paused[client];
  return since === undefined ? '' : p('invariants.mePaused', { client: name(client), since: ms(since) });
}

/** Why `a`'s section was still open when `b` came in: the best cause the trace shows, and its event when known. */
function reason(s: MutualExclusionState, a: string, b: string, name: (id: string) => string): { why: Say; cause?: Cause } {
  const ha = s.holders[a];
  const hb = s.holders[b];
  if (ha && hb && ha.server !== hb.server) {
    const pr = s.promoted[hb.server];
    if (pr && pr.from === ha.server) {
      return {
        why: p('invariants.mePromoted', { server: name(hb.server), at: ms(pr.at), a: name(a), old: name(ha.server), b: name(b) }),
        cause: { i: pr.i, node: hb.server },
      };
    }
  }
  const lost = s.lostWhy[a];
  if (lost) return { why: lost.why, cause: { i: lost.i, node: lost.node } };
  // Redlock, when its keys had not expired: a master in both majorities that crashed under the
  // first holder came back without its key.
  if (ha?.quorum && hb?.quorum) {
    const down = (s.masterDown?.[a] ?? []).find((d) => hb.quorum!.includes(d.node));
    if (down) {
      const kept = ha.quorum.filter((m) => m !== down.node);
      return {
        why: p('invariants.meRedlockRestart', { node: name(down.node), a: name(a), at: ms(down.at), b: name(b), quorum: hb.quorum.map(name).join(', '), kept: kept.length, keptOn: kept.map(name).join(', ') }),
        cause: { i: down.i, node: down.node },
      };
    }
  }
  if (!ha) return { why: p('invariants.meNoLonger', { a: name(a) }) };
  return { why: p('invariants.meStillBelieved', { a: name(a) }) };
}

function enterCheck(s: MutualExclusionState, ev: TraceEvent, storage: string, section: string, client: string, verb: 'enter' | 'write', ctx: MonitorCtx): MutualExclusionState {
  let reported = s.reported;
  for (const k of Object.keys(s.open)) {
    const o = s.open[k];
    if (o.storage !== storage || o.client === client || o.section === section) continue;
    const pair = `${o.section}/${section}`;
    if (reported.includes(pair)) continue;
    reported = [...reported, pair];
    const { why, cause } = reason(s, o.client, client, ctx.name);
    ctx.violate(p('invariants.me', { client: ctx.name(client), verb, storage: ctx.name(storage), at: ms(ev.t), other: ctx.name(o.client), started: ms(o.openedAt), why }), [client, o.client, storage], cause?.i ?? ev.i, cause?.node);
    ctx.metric('mutual-exclusion.violations');
  }
  return reported === s.reported ? s : { ...s, reported };
}

function onAcquire(s0: MutualExclusionState, ev: TraceEventOf<'lock.acquire'>, ctx: MonitorCtx): MutualExclusionState {
  const id = lockId(ev.via, ev.lock);
  let s: MutualExclusionState = {
    ...s0,
    acquire: noteAcquire(s0.acquire, ev.node, ev.via, ev.waitedMs, ctx),
    ops: noteOp(s0.ops, ev.via, ev.t, ctx),
    holders: copy(s0.holders, ev.node, { lock: ev.lock, via: ev.via, server: ev.server, since: ev.t, znode: ev.znode, leaseMs: ev.leaseMs, quorum: ev.quorum ?? null }),
    ...(s0.masterDown?.[ev.node] ? { masterDown: copy(s0.masterDown, ev.node, undefined) } : {}),
    current: copy(s0.current, ev.node, ev.section),
    lostWhy: copy(s0.lostWhy, ev.node, undefined),
    renewals: copy(s0.renewals, ev.node, undefined),
    cut: copy(s0.cut, ev.node, undefined),
  };
  const f = s.free[id];
  if (f) {
    s = { ...s, free: copy(s.free, id, undefined) };
    const gap = ev.t - f.at;
    // A handoff: someone else let go (or died) while this client was already waiting.
    if (f.by !== ev.node && ev.waitedMs >= gap) {
      const st = stat(s, ev.via);
      const next: Stats =
        f.how === 'release'
          ? { ...st, handoffs: st.handoffs + 1, released: st.released + 1, sum: st.sum + gap, max: Math.max(st.max, gap), gaps: insertSorted(st.gaps, gap) }
          : { ...st, handoffs: st.handoffs + 1, unusable: st.unusable + gap };
      publish(ev.via, next, ctx);
      s = { ...s, stats: copy(s.stats, ev.via, next) };
    }
  }
  return s;
}

function closeWhere(s: MutualExclusionState, pred: (o: Open) => boolean): MutualExclusionState {
  const keys = Object.keys(s.open).filter((k) => pred(s.open[k]));
  if (keys.length === 0) return s;
  const open: Record<string, Open> = {};
  for (const k of Object.keys(s.open)) if (!keys.includes(k)) open[k] = s.open[k];
  return { ...s, open };
}

export const mutualExclusion: MonitorDef<MutualExclusionState> = {
  id: 'mutual-exclusion',
  title: 'At most one client is inside the critical section at the resource at any moment',
  watches: [
    'storage.enter',
    'storage.write',
    'storage.leave',
    'storage.fence',
    'storage.reject',
    'fault.crash',
    'fault.pause',
    'fault.resume',
    'lock.acquire',
    'lock.unlock',
    'lock.release',
    'lock.lost',
    'lock.wake',
    'lock.wait',
    'lock.renew',
    'fault.skew',
    'net.drop',
    'net.stall',
    'redis.expire',
    'redis.exec',
    'redis.promote',
    'redis.replicaof',
    'zk.session.expired',
  ],
  init: () => ({ open: {}, holders: {}, lostWhy: {}, paused: {}, jumps: {}, renewals: {}, cut: {}, promoted: {}, free: {}, stats: {}, reported: [], current: {}, dead: [], acquire: initAcquire(), ops: initThroughput() }),
  onEvent(s, ev, ctx) {
    switch (ev.type) {
      case 'storage.enter': {
        // Sent before its client crashed: the dead client will do nothing in it.
        if (s.dead.includes(ev.section)) return s;
        const n = enterCheck(s, ev, ev.node, ev.section, ev.client, 'enter', ctx);
        return { ...n, open: copy(n.open, openKey(ev.node, ev.section), { storage: ev.node, section: ev.section, client: ev.client, openedAt: ev.t }) };
      }
      case 'storage.write': {
        const key = openKey(ev.node, ev.section);
        let n = s;
        if (!s.open[key]) {
          // A write is an effect even from a section that is over (a delayed write lands late).
          n = enterCheck(s, ev, ev.node, ev.section, ev.client, 'write', ctx);
          if (!ev.last && !s.dead.includes(ev.section)) n = { ...n, open: copy(n.open, key, { storage: ev.node, section: ev.section, client: ev.client, openedAt: ev.t }) };
        } else if (ev.last) n = { ...n, open: copy(n.open, key, undefined) };
        return n;
      }
      case 'storage.leave':
      case 'storage.reject':
        return closeWhere(s, (o) => o.storage === ev.node && o.section === ev.section);
      case 'storage.fence': {
        const gone = ev.fenced.map((f) => f.section);
        return closeWhere(s, (o) => o.storage === ev.node && gone.includes(o.section));
      }
      case 'fault.crash': {
        // A crashed process is out of its critical section; if it held a lock, that lock is
        // unusable until the server lets it go. A crashed resource has lost the sections open
        // on it: whatever their clients do next reaches it afresh (and a late write still counts).
        let n = closeWhere(s, (o) => o.client === ev.node || o.storage === ev.node);
        const cur = n.current[ev.node];
        if (cur !== undefined && !n.dead.includes(cur)) n = { ...n, dead: [...n.dead, cur] };
        for (const client of Object.keys(n.holders)) {
          const q = n.holders[client].quorum;
          if (q && q.includes(ev.node)) n = { ...n, masterDown: copy(n.masterDown ?? {}, client, [...(n.masterDown?.[client] ?? []), { node: ev.node, at: ev.t, i: ev.i }]) };
        }
        const h = n.holders[ev.node];
        if (h) {
          n = { ...n, holders: copy(n.holders, ev.node, undefined), lostWhy: copy(n.lostWhy, ev.node, undefined), free: copy(n.free, lockId(h.via, h.lock), { at: ev.t, by: ev.node, how: 'crash' }) };
        }
        return { ...n, paused: copy(n.paused, ev.node, undefined) };
      }
      case 'fault.pause':
        return s.paused[ev.node] === undefined ? { ...s, paused: copy(s.paused, ev.node, ev.t) } : s;
      case 'fault.resume':
        return { ...s, paused: copy(s.paused, ev.node, undefined) };
      case 'lock.acquire':
        return onAcquire(s, ev, ctx);
      case 'lock.wait':
        return { ...s, acquire: noteWait(s.acquire, ev.node) };
      case 'lock.unlock': {
        // The lock is free from here on, as far as a handoff is concerned (see lock-common's letGo).
        const h = s.holders[ev.node];
        if (!h) return s;
        return { ...s, holders: copy(s.holders, ev.node, undefined), free: copy(s.free, lockId(h.via, h.lock), { at: ev.t, by: ev.node, how: 'release' }) };
      }
      case 'lock.release': {
        const h = s.holders[ev.node];
        const n = { ...s, holders: copy(s.holders, ev.node, undefined), acquire: noteDone(s.acquire, ev.node), ops: noteOp(s.ops, ev.via, ev.t, ctx) };
        if (!h) return n;
        return { ...n, free: copy(n.free, lockId(h.via, h.lock), { at: ev.t, by: ev.node, how: 'release' }) };
      }
      case 'lock.lost':
        return noteLost(s, ev.node, ev.t, p('invariants.meHadLost', { who: ctx.name(ev.node), reason: ev.reason }), { i: ev.i, node: ev.node });
      case 'lock.wake': {
        if (ev.how === 'timeout') return s;
        const st = stat(s, ev.via);
        const next = { ...st, wakes: st.wakes + 1 };
        publish(ev.via, next, ctx);
        return { ...s, stats: copy(s.stats, ev.via, next) };
      }
      case 'redis.expire': {
        let n = s;
        for (const client of Object.keys(s.holders)) {
          const h = s.holders[client];
          if (!(h.quorum ?? [h.server]).includes(ev.node) || !ev.keys.includes(h.lock)) continue;
          const jump = jumpNote(s, ev.node, h.since, ev.t, ctx.name);
          const lease = h.leaseMs === null ? '' : p('invariants.meLease', { lease: ms(h.leaseMs), jump });
          const paused = pausedNote(s, client, ctx.name);
          const context = paused || (h.leaseMs === null ? '' : p('invariants.meStillWorking', { client: ctx.name(client) }));
          const renewal = paused ? '' : renewalNote(s, client, ev.node, ctx.name);
          n = noteLost(n, client, ev.t, p('invariants.meExpired', { client: ctx.name(client), server: ctx.name(ev.node), at: ms(ev.t), lease, context, renewal }), { i: ev.i, node: ev.node });
        }
        return n;
      }
      case 'redis.exec': {
        const cmd = String(ev.argv[0] ?? '').toUpperCase();
        if ((cmd !== 'DEL' && cmd !== 'UNLINK') || typeof ev.reply !== 'number' || ev.reply < 1) return s;
        let n = s;
        for (const client of Object.keys(s.holders)) {
          const h = s.holders[client];
          if (client === ev.client || h.server !== ev.node || !ev.argv.slice(1).includes(h.lock)) continue;
          const args = { deleter: ctx.name(ev.client), client: ctx.name(client), server: ctx.name(ev.node), at: ms(ev.t) };
          n = noteLost(n, client, ev.t, p(s.lostWhy[ev.client] ? 'invariants.meDelAfterOwn' : 'invariants.meDel', args), { i: ev.i, node: ev.client });
        }
        return n;
      }
      case 'lock.renew': {
        if (!s.holders[ev.node]) return s;
        const r = s.renewals[ev.node] ?? { okAt: null, failed: null };
        const next = ev.ok ? { ...r, okAt: ev.t } : r.failed ? r : { ...r, failed: { at: ev.t, detail: ev.detail } };
        return { ...s, renewals: copy(s.renewals, ev.node, next) };
      }
      // A renewal sent into a cut: dropped on a datagram link, stuck in the TCP send buffer on a connection.
      case 'net.drop':
      case 'net.stall': {
        const h = s.holders[ev.from];
        if (ev.reason !== 'partition' || !h || h.server !== ev.to || s.cut[ev.from] !== undefined) return s;
        return { ...s, cut: copy(s.cut, ev.from, ev.t) };
      }
      case 'fault.skew':
        return { ...s, jumps: copy(s.jumps, ev.node, [...(s.jumps[ev.node] ?? []), { at: ev.t, deltaMs: ev.deltaMs }]) };
      case 'redis.promote':
        return { ...s, promoted: copy(s.promoted, ev.node, { from: ev.primary, at: ev.t, i: ev.i }) };
      // REPLICAOF NO ONE (a Sentinel's failover) promotes a replica as its own timer does.
      case 'redis.replicaof':
        return ev.primary === null && ev.was !== null ? { ...s, promoted: copy(s.promoted, ev.node, { from: ev.was, at: ev.t, i: ev.i }) } : s;
      case 'zk.session.expired': {
        let n = s;
        for (const client of Object.keys(s.holders)) {
          const h = s.holders[client];
          if (h.server !== ev.node || h.znode === null || !ev.deleted.includes(h.znode)) continue;
          n = noteLost(n, client, ev.t, p('invariants.meZkExpired', { client: ctx.name(client), server: ctx.name(ev.node), at: ms(ev.t), paused: pausedNote(s, client, ctx.name) }), { i: ev.i, node: ev.node });
        }
        return n;
      }
      default:
        return s;
    }
  },
};
