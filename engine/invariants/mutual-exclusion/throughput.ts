import type { MonitorCtx } from '../../core/monitor';

/**
 * Lock operations per second at saturation, per lock program kind: the most acquisitions and
 * releases completed within any one second of the run. With a client locking and unlocking back
 * to back, that second is the lock's own pace: for Redis two round trips per cycle, for a
 * ZooKeeper ensemble a create and a delete that each wait for a quorum's fsync, plus a
 * getChildren. Published as `<via>.ops.per.s`.
 */
export interface Throughput {
  /** Per `via`: completion times within the last second. */
  recent: Record<string, number[]>;
  peak: Record<string, number>;
}

export const initThroughput = (): Throughput => ({ recent: {}, peak: {} });

const WINDOW_MS = 1000;

/** One lock operation (an acquire or a release) completed at `t`. */
export function noteOp(th: Throughput, via: string, t: number, ctx: MonitorCtx): Throughput {
  const recent = [...(th.recent[via] ?? []).filter((x) => x > t - WINDOW_MS), t];
  const before = th.peak[via] ?? 0;
  if (recent.length <= before) return { ...th, recent: { ...th.recent, [via]: recent } };
  ctx.setMetric(`${via}.ops.per.s`, recent.length);
  return { recent: { ...th.recent, [via]: recent }, peak: { ...th.peak, [via]: recent.length } };
}
