import type { Ctx } from '../../core/types';

/**
 * The clock ZooKeeper times sessions and client timeouts on. The real server and client use
 * the monotonic clock (`Time.currentElapsedTime()`, i.e. System.nanoTime): a wall-clock step
 * does not move it, while a fast or slow crystal (drift) does. Only TTL nodes and ctime/mtime
 * use the wall clock. So a clock step on a ZooKeeper or client node leaves its sessions alone.
 */
export function monotonicNow(ctx: Ctx): number {
  return ctx.monotonic;
}
