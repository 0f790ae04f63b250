import { localTime } from '@/engine/core/clock';
import type { Simulation } from '@/engine/core/simulation';

/** Commands that may give a key a new expiry. Others keep or drop it. */
const SETS_EXPIRY = new Set(['SET', 'SETEX', 'PSETEX', 'EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT', 'GETEX', 'SETNX']);
const SCAN_LIMIT = 5000;

const spans = new WeakMap<Simulation, Map<string, number>>();

/**
 * The length of the TTL a key was given (ms of the server's clock), so a TTL bar can show the
 * fraction left. Redis entries only store their deadline, so this finds the latest command on
 * the node that set the key's expiry and measures from there; when none is found (or the
 * clock was stepped since), the span is taken from the first time it was asked for, which
 * shows a full bar. Cached per run: a (node, key, deadline) triple has one origin per run.
 */
export function ttlSpan(sim: Simulation, node: string, key: string, expireAt: number): number {
  let cache = spans.get(sim);
  if (!cache) spans.set(sim, (cache = new Map()));
  const id = `${node}\u0000${key}\u0000${expireAt}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;

  const clock = sim.node(node).clock;
  const fallback = Math.max(1, expireAt - sim.localNow(node));
  let span = fallback;
  const end = sim.trace.firstIndexOfStep(sim.steps);
  for (let i = end - 1; i >= Math.max(0, end - SCAN_LIMIT); i--) {
    if (sim.trace.typeAt(i) !== 'redis.exec' || sim.trace.nodeAt(i) !== node) continue;
    const ev = sim.trace.get(i) as unknown as { argv: readonly string[] };
    if (ev.argv[1] !== key || !SETS_EXPIRY.has(ev.argv[0].toUpperCase())) continue;
    const origin = expireAt - localTime(clock, sim.trace.timeAt(i));
    if (origin >= fallback) span = origin;
    break;
  }
  cache.set(id, span);
  return span;
}
