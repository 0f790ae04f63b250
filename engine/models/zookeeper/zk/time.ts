import type { Ctx } from '../../../core/types';

/**
 * The clock ZooKeeper times sessions and client timeouts on. The real server and client use
 * the monotonic clock (`Time.currentElapsedTime()`, i.e. System.nanoTime): a wall-clock step
 * does not move it, while a fast or slow crystal (drift) does. Only TTL nodes and ctime/mtime
 * use the wall clock. The engine's Ctx offers only the node's wall clock, so this reads that:
 * a clock step on a ZooKeeper or client node shifts its session deadlines, which a real one
 * would not do. Every timeout in this folder goes through here, so giving Ctx a monotonic
 * reading changes this one line.
 */
export function monotonicNow(ctx: Ctx): number {
  return ctx.now;
}
