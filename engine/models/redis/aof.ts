import type { Ctx } from '../../core/types';
import type { RedisEntry } from './keyspace';
import type { RedisParams } from './params';
import type { AofState, RedisState } from './state';
import { REDIS_TIMERS, type RedisTimer } from './timers';

// The append-only file with `appendfsync everysec` or `no`: what of it is on disk when the
// machine goes down. `appendfsync always` (and appendonly without appendfsync) needs none of
// this: every write is on disk before its reply, so a crash keeps the whole keyspace
// (model.ts). A crash here is the machine's (power loss, kernel panic): a mere `kill -9` of
// the process would lose nothing, since what Redis has write(2)-n sits in the OS page cache.

/** Linux's vm.dirty_expire_centisecs default: dirty page-cache data is written back once it is 30 s old. */
const DIRTY_EXPIRE_MS = 30_000;
/** Linux's vm.dirty_writeback_centisecs default: the flusher threads wake every 5 s. */
const WRITEBACK_MS = 5_000;

/** The AOF bookkeeping a node starts with, or undefined when every write is on disk at once. */
export function initAof(p: RedisParams, disk: Readonly<Record<string, RedisEntry>> = {}): AofState | undefined {
  if (!p.appendonly || p.appendfsync === undefined || p.appendfsync === 'always') return undefined;
  return { mode: p.appendfsync, disk, lastFsyncSec: 0, dirtySince: null, flushAt: null, timer: null };
}

const withAof = (s: RedisState, a: Partial<AofState>): RedisState => ({ ...s, aof: { ...s.aof!, ...a } });

function fsync(s: RedisState, ctx: Ctx): RedisState {
  if (s.aof!.timer !== null) ctx.cancelTimer(s.aof!.timer);
  return withAof(s, { disk: s.data.keys, lastFsyncSec: Math.floor(ctx.now / 1000), dirtySince: null, flushAt: null, timer: null });
}

/**
 * At (re)start: Redis sets `aof_last_fsync` to the current second when it opens the file, so
 * writes in the server's first second wait for the next one. Returns the keys a crash lost
 * (absent when none or not a restart), for the load event.
 */
export function startAof(s: RedisState, ctx: Ctx): { s: RedisState; lost?: readonly string[] } {
  const a = s.aof!;
  const n = withAof(s, { lastFsyncSec: Math.floor(ctx.now / 1000), dirtySince: null, flushAt: null, timer: null, lost: undefined });
  return { s: n, lost: a.lost };
}

/**
 * After a handler: if it changed the keyspace, the change is appended to the file (write(2),
 * in the page cache) and reaches the disk as the mode says. everysec follows Redis 7.0's
 * `flushAppendOnlyFile`: a write in a later wall-clock second than the last fsync is fsynced
 * at once (in the background; modelled as instant); otherwise the fsync waits for the first
 * event-loop turn of the next second, which serverCron guarantees by its next tick. (7.2 uses
 * `mstime - aof_last_fsync >= 1000` instead of whole seconds.) `no` leaves it to the kernel:
 * the file's dirty data goes to disk at the first 5 s writeback after it turned 30 s old.
 */
export function aofAfter(before: RedisState, after: RedisState, ctx: Ctx): RedisState {
  const a = after.aof;
  if (!a || before.data.keys === after.data.keys) return after;
  if (a.mode === 'everysec') {
    const sec = Math.floor(ctx.now / 1000);
    if (sec > a.lastFsyncSec) return fsync(after, ctx);
    if (a.timer !== null) return after;
    const period = 1000 / after.hz;
    const at = Math.ceil(((a.lastFsyncSec + 1) * 1000) / period) * period;
    return withAof(after, { dirtySince: a.dirtySince ?? ctx.now, flushAt: at, timer: ctx.setTimer(at - ctx.now, REDIS_TIMERS.make('aof-fsync', { at })) });
  }
  if (a.timer !== null) return after;
  const since = a.dirtySince ?? ctx.now;
  const at = Math.ceil((since + DIRTY_EXPIRE_MS) / WRITEBACK_MS) * WRITEBACK_MS;
  return withAof(after, { dirtySince: since, flushAt: at, timer: ctx.setTimer(Math.max(0, at - ctx.now), REDIS_TIMERS.make('aof-fsync', { at })) });
}

/** The armed fsync (everysec) or writeback (no) is due: the keyspace as it is now is on disk. */
export function onAofTimer(s: RedisState, t: RedisTimer<'aof-fsync'>, ctx: Ctx): RedisState {
  if (!s.aof || s.aof.flushAt !== t.at) return s;
  return withAof(s, { disk: s.data.keys, lastFsyncSec: Math.floor(ctx.now / 1000), dirtySince: null, flushAt: null, timer: null });
}

/** The keys whose on-disk entry differs from memory: what a crash now would lose or bring back. */
function unsynced(mem: Readonly<Record<string, RedisEntry>>, disk: Readonly<Record<string, RedisEntry>>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(mem)) if (!Object.hasOwn(disk, k) || disk[k] !== mem[k]) out.push(k);
  for (const k of Object.keys(disk)) if (!Object.hasOwn(mem, k)) out.push(k);
  return out;
}

/** A crash: the restarted server reloads what was on disk; `fresh` is its initial state. */
export function aofCrash(s: RedisState, fresh: RedisState): RedisState {
  const a = s.aof!;
  const lost = unsynced(s.data.keys, a.disk);
  return { ...fresh, data: { keys: a.disk }, aof: { ...a, dirtySince: null, flushAt: null, timer: null, lost: lost.length > 0 ? lost : undefined } };
}
