import { monotonicNow } from '../../../clients/zookeeper/time';
import type { Msg } from '../../../core/msg';
import type { Say } from '../../../core/phrase';
import type { Ctx } from '../../../core/types';
import type { ZookeeperState } from '../node-state';
import type { ZkServerState } from '../zk/state';
import { QUORUM_TIMERS, type Armed, type QuorumState, type ZabMsg } from './types';

type TimerName = 'tick' | 'elect' | 'decide' | 'disk' | 'expire';

/**
 * Scratch for one step of an ensemble member: the node state and its quorum state are copied
 * once, so the functions of this folder assign fields freely (never mutating what they were
 * given: arrays and records are replaced, not changed) and `done` hands the next state back.
 */
export class Qx {
  s: ZookeeperState;
  q: QuorumState;
  /** The election decided on this leader: the dispatcher makes this server lead or follow it. */
  decided: string | null = null;
  /** Why this server must stop leading or following and look for a leader, if it must. */
  stepDown: Say | null = null;
  constructor(
    s: ZookeeperState,
    readonly ctx: Ctx,
  ) {
    this.s = { ...s };
    this.q = { ...s.q! };
  }

  get core(): ZkServerState {
    return this.s.core;
  }

  set core(c: ZkServerState) {
    this.s.core = c;
  }

  get self(): string {
    return this.ctx.self;
  }

  /** The clock ZooKeeper times everything on (monotonic). */
  get now(): number {
    return monotonicNow(this.ctx);
  }

  get tickTime(): number {
    return this.s.core.tickTime;
  }

  /** Sends to another ensemble member. */
  peer(to: string, m: ZabMsg): void {
    this.ctx.send(to, m as Msg);
  }

  /** Arms (or re-arms) one of the quorum timers `delay` ms from now. */
  arm(name: TimerName, delay: number): void {
    this.cancel(name);
    const a: Armed = { at: this.now + delay, id: this.ctx.setTimer(Math.max(0, delay), QUORUM_TIMERS.make(name)) };
    this.q[name] = a;
  }

  cancel(name: TimerName): void {
    const cur = this.q[name];
    if (cur) this.ctx.cancelTimer(cur.id);
    this.q[name] = null;
  }

  done(): ZookeeperState {
    return { ...this.s, q: this.q };
  }
}
