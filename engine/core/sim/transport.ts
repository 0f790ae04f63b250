import type { Intervention } from '../faults';
import { LinkTable, type LinkState } from '../network';
import type { EventQueue } from '../queue';
import { nextFloat } from '../rng';
import type { Msg } from '../msg';
import { CRASHED, UP, type Kernel } from './kernel';
import type { Recorder } from './recorder';
import { InFlightList } from './in-flight';
import { Tcp } from './tcp';
import type { InFlight, LiveWorld, Receiver } from './types';

export type { Receiver } from './types';

/** The interventions that change a link rather than a node. */
export type LinkIntervention = Extract<Intervention, { edge: string }>;

/**
 * How a message crosses a link, and nothing else does. Every message takes a latency sample (in
 * order per direction on a FIFO link). On a TCP link (the default) it travels on a connection:
 * a cut or a loss makes it wait in its sender's buffer for retransmission (see `Tcp`), never
 * duplicated, and a connection that ended refuses it. On a datagram link each message is on its
 * own: lost (it vanishes half-way), duplicated, or dropped on a cut link or at a crashed node.
 *
 * The seam, so the semantics can change here alone:
 * - in: `send`/`sendOn` (a handler sends), `arrive`/`vanish` (the loop pops a message event),
 *   `change` (a link intervention), `load`/`save` (restoring and taking snapshots), and the
 *   read-only views `inFlight`, `link` and `neighbours`;
 * - out: message events on the kernel's queue (`Msg`, `Lost`), trace events through the
 *   recorder (`net.*`, link faults), `Receiver.receive` for a message a node takes now, and
 *   `Kernel.hold` for one that reached a paused node.
 * A link's plain-data state is its `LinkState` in the world; `LinkTable` is its hot copy.
 */
export class Transport {
  /** Per node: neighbour id -> link index. One small map lookup per send. */
  private readonly routes: Map<string, number>[];
  private readonly linkById = new Map<string, number>();
  private readonly neighbourIds: string[][];
  /** Per node: the last destination sent to and its link, a one-entry route cache. */
  private readonly lastTo: (string | undefined)[];
  private readonly lastLink: Int32Array;
  /** The links' hot fields; FIFO arrival times are authoritative here (see LinkTable). */
  private table!: LinkTable;
  // The kernel's parts this one uses, held directly (see Kernel).
  private readonly q: EventQueue;
  private readonly w: LiveWorld;
  private readonly status: Uint8Array;
  private readonly nodeIds: readonly string[];
  /** Connections on TCP links: stalls, retransmission, closes (off the hot path). */
  readonly tcp: Tcp;
  private readonly flights = new InFlightList();

  constructor(
    private readonly k: Kernel,
    private readonly rec: Recorder,
    private readonly receiver: Receiver,
  ) {
    this.q = k.q;
    this.w = k.w;
    this.status = k.status;
    this.nodeIds = k.nodeIds;
    this.tcp = new Tcp(k, rec, receiver, () => this.table);
    const n = k.nodeIds.length;
    this.routes = k.nodeIds.map(() => new Map());
    this.neighbourIds = k.nodeIds.map(() => []);
    this.lastTo = k.nodeIds.map(() => undefined);
    this.lastLink = new Int32Array(n);
    k.w.links.forEach((l, li) => {
      const source = k.nodeIds[l.a];
      const target = k.nodeIds[l.b];
      this.routes[l.a].set(target, li);
      this.routes[l.b].set(source, li);
      this.linkById.set(l.id, li);
      this.neighbourIds[l.a].push(target);
      this.neighbourIds[l.b].push(source);
    });
    this.load();
  }

  /** Ids of the nodes node `i` has a link to. */
  neighbours(i: number): readonly string[] {
    return this.neighbourIds[i];
  }

  /** Sends `msg` from node `from` to the node with id `to`, over the link between them. */
  send(from: number, to: string, msg: Msg): void {
    let li: number | undefined;
    if (this.lastTo[from] === to) li = this.lastLink[from];
    else {
      li = this.routes[from].get(to);
      if (li === undefined) {
        this.rec.emit(from, 'net.drop', { from: this.nodeIds[from], to, msg, reason: 'no-link' });
        return;
      }
      this.lastTo[from] = to;
      this.lastLink[from] = li;
    }
    this.sendOn(from, li, msg);
  }

  /** Sends `msg` from node `from` over link `li` to its other end (a reply needs no lookup). */
  sendOn(from: number, li: number, msg: Msg): void {
    const links = this.table;
    const a = links.a(li);
    const side = a === from ? 0 : 1;
    // The common case in a few tests; everything else out of line, so this stays small enough
    // for the compiler to inline into the handlers' ctx.
    if (!links.open(li, side)) {
      this.sendSlow(from, li, side, msg);
      return;
    }
    const w = this.w;
    const t = w.t;
    const at = links.arrival(li, side, t + links.quickSample(li, w.rng));
    this.q.pushMsg(at, w.seq++, false, side === 0 ? links.b(li) : a, from, li, t, msg, links.conn(li, side), this.rec.lastIndex);
  }

  // Any send `sendOn` does not take in its stride: the link is cut or stalled, or a message on
  // it may be lost, duplicated, jittered or slowed, or its latency is drawn out of line.
  private sendSlow(from: number, li: number, side: number, msg: Msg): void {
    const w = this.w;
    const links = this.table;
    const ti = side === 0 ? links.b(li) : links.a(li);
    if (links.partitioned(li) || links.stalled(li, side)) {
      this.blocked(from, li, side, ti, msg);
      return;
    }
    const lat = links.sample(li, w.rng);
    const loss = links.loss(li);
    if (loss > 0 && nextFloat(w.rng) < loss) {
      this.lost(from, li, side, ti, lat, msg);
      return;
    }
    const conn = links.conn(li, side);
    this.q.pushMsg(links.arrival(li, side, w.t + lat), w.seq++, false, ti, from, li, w.t, msg, conn, this.rec.lastIndex);
    const dup = links.duplicate(li);
    if (dup > 0 && !links.tcp(li) && nextFloat(w.rng) < dup) {
      const again = links.arrival(li, side, w.t + links.sample(li, w.rng));
      this.rec.emit(from, 'net.duplicate', { from: this.nodeIds[from], to: this.nodeIds[ti], msg });
      this.q.pushMsg(again, w.seq++, false, ti, from, li, w.t, msg, conn, this.rec.lastIndex);
    }
  }

  // A cut link, or a TCP sender with segments already waiting (later ones wait behind them).
  private blocked(from: number, li: number, side: number, ti: number, msg: Msg): void {
    const links = this.table;
    if (links.tcp(li)) this.tcp.stall(li, side, msg, links.partitioned(li) ? 'partition' : 'behind');
    else this.rec.emit(from, 'net.drop', { from: this.nodeIds[from], to: this.nodeIds[ti], msg, reason: 'partition' });
  }

  // A TCP segment lost on the wire is retransmitted; a datagram vanishes half-way, so the canvas can show it fall.
  private lost(from: number, li: number, side: number, ti: number, lat: number, msg: Msg): void {
    const w = this.w;
    if (this.table.tcp(li)) this.tcp.stall(li, side, msg, 'loss');
    else this.q.pushMsg(w.t + lat / 2, w.seq++, true, ti, from, li, w.t, msg, 0, -1);
  }

  /** The message in queue slot `slot` reaches its node: handled, held (paused) or dropped (crashed). */
  arrive(slot: number): void {
    const q = this.q;
    const to = q.node[slot];
    const from = q.from[slot];
    const msg = q.ref[slot] as Msg;
    if (this.status[to] !== UP) {
      this.notUp(slot);
      return;
    }
    const li = q.link[slot];
    const links = this.table;
    // A segment of another connection than its receiver's, or a FIN or reset (stamped -1).
    if (q.inc[slot] !== links.conn(li, links.a(li) === to ? 0 : 1) && !this.tcp.arriveOther(slot)) return;
    this.rec.deliver(to, from, slot, msg);
    this.receiver.receive(to, from, li, msg);
  }

  // A message reaching a crashed node is dropped (on TCP its host refuses it); one reaching a
  // paused node waits for it. Out of line, like every rare case on the delivery path, so
  // arrive() stays small enough for the compiler to inline into the event loop.
  private notUp(slot: number): void {
    const q = this.q;
    const to = q.node[slot];
    if (this.status[to] === CRASHED) {
      const msg = q.ref[slot] as Msg;
      if (msg.type !== 'net.closed') this.rec.emit(to, 'net.drop', { from: this.nodeIds[q.from[slot]], to: this.nodeIds[to], msg, reason: 'crashed' });
      if (this.table.tcp(q.link[slot])) this.tcp.refuse(slot);
    } else this.k.hold(to, q.itemAt(slot));
  }

  /** The lost message in queue slot `slot` vanishes. */
  vanish(slot: number): void {
    const q = this.q;
    const from = q.from[slot];
    this.rec.emit(from, 'net.drop', { from: this.nodeIds[from], to: this.nodeIds[q.node[slot]], msg: q.ref[slot] as Msg, reason: 'loss' });
  }

  /** Node `i` closes its connection to node `peer` (a handler asked); false when no TCP link joins them. */
  disconnect(i: number, peer: string): boolean {
    const li = this.routes[i].get(peer);
    if (li === undefined || !this.table.tcp(li)) return false;
    this.rec.emit(i, 'net.close', { peer });
    this.tcp.close(li, this.table.a(li) === i ? 0 : 1, 'eof');
    return true;
  }

  /** Applies a link intervention (cut, heal, or new loss, duplication or extra latency). */
  change(iv: LinkIntervention): void {
    const li = this.linkById.get(iv.edge);
    if (li === undefined) return;
    const link = this.w.links[li];
    if (iv.kind === 'link') {
      link.params = {
        ...link.params,
        loss: iv.loss ?? link.params.loss,
        duplicate: iv.duplicate ?? link.params.duplicate,
      };
      if (iv.extraLatencyMs !== undefined) link.extraLatencyMs = iv.extraLatencyMs;
    } else {
      link.params = { ...link.params, partitioned: iv.kind === 'partition' };
    }
    this.table.save(li, link);
    this.table.load(li, link);
    if (iv.kind === 'link') this.rec.emit(link.a, 'fault.link', { edge: iv.edge, loss: iv.loss, duplicate: iv.duplicate, extraLatencyMs: iv.extraLatencyMs });
    else this.rec.emit(link.a, iv.kind === 'partition' ? 'fault.partition' : 'fault.heal', { edge: iv.edge });
  }

  /** Compiles the hot link table from the world's link records (at start and after a restore). */
  load(): void {
    this.table = new LinkTable(this.w.links);
  }

  /** Writes the hot fields back into the world's link records, before the world is read. */
  save(): void {
    const links = this.w.links;
    for (let li = 0; li < links.length; li++) this.table.save(li, links[li]);
  }

  /** A link's run-time record as of now (its FIFO arrival times are updated by this call). */
  link(id: string): Readonly<LinkState> {
    const i = this.linkById.get(id);
    if (i === undefined) throw new Error(`no link "${id}"`);
    const link = this.w.links[i];
    this.table.save(i, link);
    return link;
  }

  /** Messages on the wire now, in the order they were sent (records shared between calls: read only). */
  inFlight(): InFlight[] {
    return this.flights.read(this.q, this.nodeIds, this.k.linkIds);
  }
}
