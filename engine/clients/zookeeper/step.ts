import type { Say } from '../../core/phrase';
import type { Ctx } from '../../core/types';
import type { ZkMsg, ZkRequestMsg } from './messages';
import { monotonicNow } from './time';
import type { ZkErrorCode } from './types';
import type { KeeperState, ZkClientOutput, ZkClientState, ZkPending } from './state';

/**
 * Mutable scratch for one step of the client library: the state is copied once, outputs are
 * collected in order; connection.ts's `finish` arms the timer and hands both back.
 */
export class Step {
  s: ZkClientState;
  out: ZkClientOutput[] = [];
  constructor(
    s: ZkClientState,
    readonly ctx: Ctx,
  ) {
    this.s = { ...s };
  }

  /** The client's clock for every timeout (see ./time.ts). */
  get now(): number {
    return monotonicNow(this.ctx);
  }

  /** Sends to the server, noting the time for the ping rule. */
  send(msg: ZkMsg): void {
    this.ctx.send(this.s.server, msg);
    this.s.lastSend = this.now;
  }

  /** Raises a KeeperState to the host, unless it is the one raised last. */
  keeper(k: KeeperState, reason: Say): void {
    if (this.s.keeper === k) return;
    this.s.keeper = k;
    this.out.push({ kind: 'state', keeper: k, curator: this.s.curator, sessionId: this.s.sessionId });
    this.ctx.trace('zk.client.state', { session: this.s.sessionId, keeper: k, curator: this.s.curator, reason });
  }

  /** Fails every request sent or queued with `err`. */
  failAll(err: ZkErrorCode): void {
    const all = [...this.s.pending, ...this.s.queued];
    this.s.pending = [];
    this.s.queued = [];
    for (const p of all) this.out.push({ kind: 'reply', xid: p.xid, tag: p.tag, op: p.op, result: { ok: false, err }, zxid: -1 });
  }

  /** Sends a request on the current connection. */
  request(p: ZkPending): void {
    const msg: ZkRequestMsg = { type: 'zk.request', conn: this.s.conn, sessionId: this.s.sessionId ?? '', xid: p.xid, op: p.op };
    this.send(msg);
  }
}
