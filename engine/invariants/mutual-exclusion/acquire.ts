import type { MonitorCtx } from '../../core/monitor';

/**
 * Acquire latency without contention, per lock program kind: from a client starting to ask
 * to holding the lock, over the acquisitions where it never had to wait (no `lock.wait`), so
 * it is the price of asking itself (for ZooKeeper a create through the quorum and a
 * getChildren; for Redis one SET NX). Published as `<via>.acquire.p50.ms` and `.p99.ms`.
 */
export interface AcquireStats {
  /** Clients that have waited since they began asking. */
  waited: string[];
  /** Per `via`: the uncontended acquire latencies so far, sorted. */
  samples: Record<string, number[]>;
}

export const initAcquire = (): AcquireStats => ({ waited: [], samples: {} });

/** A client waits: its current acquisition is contended. */
export function noteWait(a: AcquireStats, client: string): AcquireStats {
  return a.waited.includes(client) ? a : { ...a, waited: [...a.waited, client] };
}

/** A client let go (or lost the lock): its next acquisition starts afresh. */
export function noteDone(a: AcquireStats, client: string): AcquireStats {
  return a.waited.includes(client) ? { ...a, waited: a.waited.filter((c) => c !== client) } : a;
}

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A sorted copy of `sorted` with `x` in its place. */
export function insertSorted(sorted: readonly number[], x: number): number[] {
  let i = sorted.length;
  while (i > 0 && sorted[i - 1] > x) i--;
  return [...sorted.slice(0, i), x, ...sorted.slice(i)];
}

/** A client holds the lock: an uncontended acquisition adds its latency and the metrics follow. */
export function noteAcquire(a: AcquireStats, client: string, via: string, waitedMs: number, ctx: MonitorCtx): AcquireStats {
  if (a.waited.includes(client)) return noteDone(a, client);
  const next = insertSorted(a.samples[via] ?? [], waitedMs);
  const round = (x: number) => Math.round(x * 10) / 10;
  ctx.setMetric(`${via}.acquire.p50.ms`, round(percentile(next, 50)));
  ctx.setMetric(`${via}.acquire.p99.ms`, round(percentile(next, 99)));
  return { ...a, samples: { ...a.samples, [via]: next } };
}
