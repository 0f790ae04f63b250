import type { CloseReason, ConnectionClosed } from '../connection';
import type { Msg } from '../msg';
import type { LinkTable } from '../network';
import { ItemKind, type EventQueue } from '../queue';
import { nextFloat } from '../rng';
import { PAUSED, UP, item, type Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { LiveWorld, Receiver } from './types';

/** Linux's ceiling on the retransmission timeout (TCP_RTO_MAX). */
const RTO_MAX = 120_000;
/** Linux's floor on the variance part of the retransmission timeout (TCP_RTO_MIN). */
const RTO_MIN = 200;

/** Why a segment waits in its sender's buffer instead of crossing. */
export type StallReason = 'partition' | 'loss' | 'behind';

/**
 * The connection side of a TCP link, out of the transport's hot path: what happens when a
 * segment cannot cross (it waits in its sender's buffer and is retransmitted on a timeout that
 * doubles, 200 ms + the round trip at first, up to 120 s, until `tcpRetries` tries have failed),
 * and how connections end (a close, a crash, a give-up) and the other end learns it (a FIN or
 * a reset crossing the link, or a refused segment on its next write).
 *
 * End `s` of link `li` is 0 for its `a` node and 1 for its `b` node; the direction `s` is the
 * one that end sends in. All state is plain data in the link records (buffers, timeouts) and
 * the link table (connection numbers, stalled flags), so snapshots hold it.
 */
export class Tcp {
  private readonly q: EventQueue;
  private readonly w: LiveWorld;

  constructor(
    private readonly k: Kernel,
    private readonly rec: Recorder,
    private readonly receiver: Receiver,
    private readonly table: () => LinkTable,
  ) {
    this.q = k.q;
    this.w = k.w;
  }

  /** Segment `msg` from end `s` of link `li` cannot go now: it waits, and a retransmission is armed. */
  stall(li: number, s: number, msg: Msg, reason: StallReason): void {
    const links = this.table();
    const w = this.w;
    const d = w.links[li].tcp[s];
    d.buf = [...d.buf, { msg, sentAt: w.t, conn: links.conn(li, s) }];
    links.setStalled(li, s, true);
    if (d.buf.length === 1) {
      d.rto = RTO_MIN + 2 * links.nominal(li);
      d.retries = 0;
      this.arm(li, s);
    }
    const [from, to] = this.ends(li, s);
    this.rec.emit(from, 'net.stall', { from: this.id(from), to: this.id(to), msg, reason, rtoMs: d.rto });
  }

  /** Whether the retransmission event in `slot` was superseded (a close, a success, a re-arm). */
  stale(slot: number): boolean {
    const q = this.q;
    return this.w.links[q.link[slot]].tcp[q.inc[slot]].gen !== q.id[slot];
  }

  /** The retransmission timeout in `slot` expired: the waiting segments get through, or wait longer. */
  retransmit(slot: number): void {
    const li = this.q.link[slot];
    const s = this.q.inc[slot];
    const links = this.table();
    const w = this.w;
    const d = w.links[li].tcp[s];
    const [from, to] = this.ends(li, s);
    const loss = links.loss(li);
    const cut = links.partitioned(li);
    if (cut || (loss > 0 && nextFloat(w.rng) < loss)) {
      d.retries += 1;
      if (d.retries > w.links[li].params.tcpRetries) {
        this.giveUp(li, s);
        return;
      }
      d.rto = Math.min(d.rto * 2, RTO_MAX);
      this.arm(li, s);
      this.rec.emit(from, 'net.retransmit', { from: this.id(from), to: this.id(to), count: d.buf.length, ok: false, cut, rtoMs: d.rto, retry: d.retries });
      return;
    }
    this.rec.emit(from, 'net.retransmit', { from: this.id(from), to: this.id(to), count: d.buf.length, ok: true, cut: false, rtoMs: d.rto, retry: d.retries + 1 });
    const buf = d.buf;
    this.clearSender(li, s);
    for (const seg of buf) {
      const at = links.arrival(li, s, w.t + links.sample(li, w.rng));
      // Sent long ago: the trace looks its send time up (-1: no event to start from).
      this.q.pushMsg(at, w.seq++, false, to, from, li, seg.sentAt, seg.msg, seg.conn, -1);
    }
  }

  /**
   * End `s` of link `li` closes its connection (`why`: its process closed it, died, or gave
   * up): what it had waiting is discarded, and the other end is told with a FIN or a reset that
   * crosses the link if it can (one try; if it is lost the other end learns on its next write).
   */
  close(li: number, s: number, reason: CloseReason): number {
    const links = this.table();
    const c = this.nextConn(li);
    links.setConn(li, s, c);
    this.w.links[li].ended = { t: this.w.t, reason, side: s };
    this.clearSender(li, s);
    if (!links.partitioned(li)) this.tell(li, s, reason, c);
    return c;
  }

  /**
   * A segment stamped with a connection its receiver is not on, or a FIN/reset, reached its
   * (running) receiver. True when it should be handed to the node as an ordinary message.
   */
  arriveOther(slot: number): boolean {
    const q = this.q;
    const links = this.table();
    const li = q.link[slot];
    const to = q.node[slot];
    const from = q.from[slot];
    const r = to === links.a(li) ? 0 : 1;
    const msg = q.ref[slot] as Msg;
    const mine = links.conn(li, r);
    if (msg.type === 'net.closed') {
      const c = msg as ConnectionClosed;
      // A give-up is this end's own news (held while it was paused); any other it may know already.
      if (c.reason !== 'timeout') {
        if (c.conn <= mine) return false;
        links.setConn(li, r, c.conn);
        this.clearSender(li, r);
      }
      this.rec.emit(to, 'net.closed', { peer: this.id(from), reason: c.reason });
      this.receiver.receive(to, from, li, msg);
      return false;
    }
    const stamp = q.inc[slot];
    if (stamp > mine) {
      // The sender opened a newer connection whose predecessor's end never reached this one (its
      // FIN was lost, or the sender's process restarted): this end takes the new one. What it was
      // still retransmitting on the old one would have met a reset there, so its model hears
      // that first (requests pending on the old connection fail), then the new segment.
      links.setConn(li, r, stamp);
      const lost = this.w.links[li].tcp[r].buf.length > 0;
      this.clearSender(li, r);
      if (lost) {
        const closed: ConnectionClosed = { type: 'net.closed', reason: 'reset', conn: stamp };
        this.rec.emit(to, 'net.closed', { peer: this.id(from), reason: 'reset' });
        this.receiver.receive(to, from, li, closed);
      }
      return true;
    }
    // A segment of a connection this end has left: refused with a reset, which tells the
    // sender if it is still on that connection.
    this.rec.emit(to, 'net.drop', { from: this.id(from), to: this.id(to), msg, reason: 'reset' });
    if (links.conn(li, 1 - r) === stamp) this.tell(li, r, 'reset', mine);
    return false;
  }

  /** A segment reached a node whose process is down (its host is up): the host refuses it. */
  refuse(slot: number): void {
    const q = this.q;
    const links = this.table();
    const li = q.link[slot];
    const to = q.node[slot];
    const r = to === links.a(li) ? 0 : 1;
    const stamp = q.inc[slot];
    // Only a segment of the connection its sender is on now is answered; older ones are echoes.
    if (stamp < links.conn(li, 1 - r) || (q.ref[slot] as Msg).type === 'net.closed') return;
    const c = this.nextConn(li);
    links.setConn(li, r, c);
    this.w.links[li].ended = { t: this.w.t, reason: 'refused', side: r };
    this.tell(li, r, 'refused', c);
  }

  /** Node `i`'s process died: each of its TCP connections is reset. */
  crashed(i: number): void {
    const links = this.table();
    for (let li = 0; li < links.size; li++) {
      if (!links.tcp(li)) continue;
      if (links.a(li) === i) this.close(li, 0, 'reset');
      else if (links.b(li) === i) this.close(li, 1, 'reset');
    }
  }

  /** Sends a FIN or reset from end `s` to the other end, telling it to move to connection `c`. */
  private tell(li: number, s: number, reason: CloseReason, c: number): void {
    const links = this.table();
    const w = this.w;
    const [from, to] = this.ends(li, s);
    const msg: ConnectionClosed = { type: 'net.closed', reason, conn: c };
    const at = links.arrival(li, s, w.t + links.sample(li, w.rng));
    // Stamped -1, a connection no one is on, so it takes the rare arrival path.
    this.q.pushMsg(at, w.seq++, false, to, from, li, w.t, msg, -1, this.rec.lastIndex);
  }

  /** End `s` retransmitted `tcpRetries` times in vain: it gives the connection up and says so. */
  private giveUp(li: number, s: number): void {
    const [from, to] = this.ends(li, s);
    const c = this.close(li, s, 'reset');
    this.w.links[li].ended = { t: this.w.t, reason: 'timeout', side: s };
    const msg: ConnectionClosed = { type: 'net.closed', reason: 'timeout', conn: c };
    if (this.k.status[from] === UP) {
      this.rec.emit(from, 'net.closed', { peer: this.id(to), reason: 'timeout' });
      this.receiver.receive(from, to, li, msg);
    } else if (this.k.status[from] === PAUSED) {
      const it = item(ItemKind.Msg, from);
      it.from = to;
      it.link = li;
      it.sentAt = this.w.t;
      it.msg = msg;
      it.inc = -1;
      this.k.hold(from, it);
    }
  }

  private arm(li: number, s: number): void {
    const d = this.w.links[li].tcp[s];
    d.gen += 1;
    const it = item(ItemKind.Retransmit, this.ends(li, s)[0]);
    it.link = li;
    it.inc = s;
    it.id = d.gen;
    this.k.schedule(this.w.t + d.rto, it);
  }

  private clearSender(li: number, s: number): void {
    const d = this.w.links[li].tcp[s];
    if (d.buf.length === 0 && d.rto === 0) return;
    d.buf = [];
    d.rto = 0;
    d.retries = 0;
    d.gen += 1;
    this.table().setStalled(li, s, false);
  }

  /** A connection number neither end of link `li` has used. */
  private nextConn(li: number): number {
    const links = this.table();
    return Math.max(links.conn(li, 0), links.conn(li, 1)) + 1;
  }

  /** [sender, receiver] node indexes of direction `s` of link `li`. */
  private ends(li: number, s: number): [number, number] {
    const links = this.table();
    return s === 0 ? [links.a(li), links.b(li)] : [links.b(li), links.a(li)];
  }

  private id(i: number): string {
    return this.k.nodeIds[i];
  }
}
