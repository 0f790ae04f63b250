import type { CloseReason } from './connection';
import type { Msg } from './msg';
import { nextFloat, type RngState } from './rng';

/** How long a message takes on a link, before jitter. */
export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'normal'; meanMs: number; stdMs: number }
  | { kind: 'exponential'; meanMs: number };

/** Parameters of a link (an edge on the canvas). Links are bidirectional. */
export interface LinkParams {
  latency: Latency;
  /** Extra uniform delay in [0, jitterMs]. */
  jitterMs: number;
  /** Probability that a message is lost in transit. */
  loss: number;
  /** Probability that a message is delivered twice. */
  duplicate: number;
  /** Keep per-direction order, as a TCP connection does (jitter then never reorders). */
  fifo: boolean;
  /** The link starts cut. */
  partitioned: boolean;
  /**
   * What the link carries: `tcp` connections (request/response protocols: in order, nothing
   * lost or duplicated while the connection lives; a cut or a loss delays bytes, which are
   * retransmitted) or `datagram`s (each message on its own: lost, duplicated, dropped on a cut).
   */
  transport: 'tcp' | 'datagram';
  /** TCP: retransmissions before the sender gives the connection up (Linux `tcp_retries2`). */
  tcpRetries: number;
}

export const DEFAULT_LINK: LinkParams = {
  latency: { kind: 'fixed', ms: 5 },
  jitterMs: 0,
  loss: 0,
  duplicate: 0,
  fifo: true,
  partitioned: false,
  transport: 'tcp',
  tcpRetries: 15,
};

/** A segment waiting in a TCP sender's buffer: sent, not yet through. */
export interface Segment {
  msg: Msg;
  sentAt: number;
  /** The connection it was sent on (see `LinkState.conn`). */
  conn: number;
}

/** One direction of a TCP link, at its sender: what waits to be retransmitted, and when. */
export interface TcpSender {
  buf: Segment[];
  /** The retransmission timeout now (ms); 0 when nothing waits. */
  rto: number;
  /** Failed retransmissions of what waits now. */
  retries: number;
  /** Bumped whenever the pending retransmission event is superseded. */
  gen: number;
}

/** A link's run-time state: plain data, changed by faults. */
export interface LinkState {
  id: string;
  a: number;
  b: number;
  params: LinkParams;
  extraLatencyMs: number;
  /** Latest arrival time scheduled per direction (a->b, b->a), for FIFO order. */
  lastArrival: [number, number];
  /**
   * TCP: the connection each end (a, b) is on. A close at one end moves it to a new number; the
   * other end follows when it hears (a FIN or a reset), and a segment stamped with a connection
   * its receiver has left is refused.
   */
  conn: [number, number];
  /** TCP: each end's sender side (a->b, b->a). */
  tcp: [TcpSender, TcpSender];
  /** TCP: the last time a connection on this link ended, how, and at which end (0 = a): the canvas shows it for a moment. */
  ended: { t: number; reason: CloseReason; side: number } | null;
}

/** A new link record's run-time fields. */
export function freshLinkState(id: string, a: number, b: number, params: LinkParams): LinkState {
  const sender = (): TcpSender => ({ buf: [], rto: 0, retries: 0, gen: 0 });
  return { id, a, b, params, extraLatencyMs: 0, lastArrival: [0, 0], conn: [0, 0], tcp: [sender(), sender()], ended: null };
}

// One 64-byte row per link holds everything a message crossing it reads and writes: as
// doubles (ROW_F64 a row) the latency parameters and the FIFO arrival times, as int32s
// (ROW_I32 a row, same bytes) the ends, the connections, the flags and the stall marks.
const ROW_F64 = 8;
const ROW_I32 = 16;
const P1 = 0; // fixed ms, uniform min, normal mean, exponential mean
const P2 = 1; // uniform max, normal std
const LAST = 2; // latest arrival a->b, then b->a (FIFO order)
const END_A = 8; // int32 index in the row: node a, then node b
const CONN = 10; // the connection end a is on, then end b
const FLAGS = 12;
const STALLED = 13; // 1 while direction a->b has segments waiting, then b->a
// What only a slow link needs (see SLOW), COLD a link, in their own array.
const COLD = 4;
const JITTER = 0;
const EXTRA = 1;
const LOSS = 2;
const DUP = 3;

// Flags per link: the latency kind in the low bits, then the switches.
const KIND_MASK = 7;
const FIXED = 0;
const UNIFORM = 1;
const NORMAL = 2;
const EXPONENTIAL = 3;
const UNKNOWN = 7;
const FIFO = 8;
const PARTITIONED = 16;
const TCP = 32;
/**
 * Set on a link a message cannot simply cross with one latency sample: cut, lossy, duplicating,
 * jittered, slowed, or of a latency kind drawn out of line. The send path tests this one bit.
 */
const SLOW = 64;

function kindCode(l: Latency): number {
  switch (l?.kind) {
    case 'fixed':
      return FIXED;
    case 'uniform':
      return UNIFORM;
    case 'normal':
      return NORMAL;
    case 'exponential':
      return EXPONENTIAL;
    default:
      return UNKNOWN;
  }
}

/**
 * The links' hot fields in typed arrays, for the send path. With a thousand links, following
 * link -> params -> latency objects costs a cache miss at each hop on every message, and so did
 * one array per field: a message crossing a link now reads and writes one 64-byte row (its
 * reply crosses the same one). `LinkState` stays the world's plain-data record: parameters are
 * compiled from it (`load`) whenever they change; the FIFO arrival times, which change on every
 * send, and the connection numbers live here and are copied back (`save`) when the world is read.
 *
 * End `s` of link `li` is 0 for its `a` node and 1 for its `b` node; direction `s` is the one
 * that end sends in.
 */
export class LinkTable {
  /** Number of links. */
  readonly size: number;
  private readonly num: Float64Array;
  private readonly int: Int32Array;
  private readonly cold: Float64Array;

  constructor(links: readonly LinkState[]) {
    const n = links.length;
    this.size = n;
    const rows = new ArrayBuffer(n * ROW_F64 * 8);
    this.num = new Float64Array(rows);
    this.int = new Int32Array(rows);
    this.cold = new Float64Array(n * COLD);
    for (let li = 0; li < n; li++) this.load(li, links[li]);
  }

  /** Takes link `li`'s parameters, extra latency, arrival times and connections from its record. */
  load(li: number, link: LinkState): void {
    const p = link.params;
    const l = p.latency;
    const kind = kindCode(l);
    const o = li * ROW_F64;
    const num = this.num;
    const r = li * ROW_I32;
    const int = this.int;
    num[o + P1] = NaN;
    num[o + P2] = 0;
    if (l?.kind === 'fixed') num[o + P1] = l.ms;
    else if (l?.kind === 'uniform') {
      num[o + P1] = l.minMs;
      num[o + P2] = l.maxMs;
    } else if (l?.kind === 'normal') {
      num[o + P1] = l.meanMs;
      num[o + P2] = l.stdMs;
    } else if (l?.kind === 'exponential') num[o + P1] = l.meanMs;
    num[o + LAST] = link.lastArrival[0];
    num[o + LAST + 1] = link.lastArrival[1];
    const c = li * COLD;
    this.cold[c + JITTER] = p.jitterMs;
    this.cold[c + EXTRA] = link.extraLatencyMs;
    this.cold[c + LOSS] = p.loss;
    this.cold[c + DUP] = p.duplicate;
    const simple = (kind === FIXED || kind === UNIFORM) && !p.partitioned && !(p.jitterMs > 0) && link.extraLatencyMs === 0 && !(p.loss > 0) && !(p.duplicate > 0);
    int[r + END_A] = link.a;
    int[r + END_A + 1] = link.b;
    int[r + CONN] = link.conn[0];
    int[r + CONN + 1] = link.conn[1];
    int[r + FLAGS] = kind | (p.fifo ? FIFO : 0) | (p.partitioned ? PARTITIONED : 0) | (p.transport === 'datagram' ? 0 : TCP) | (simple ? 0 : SLOW);
    int[r + STALLED] = link.tcp[0].buf.length > 0 ? 1 : 0;
    int[r + STALLED + 1] = link.tcp[1].buf.length > 0 ? 1 : 0;
  }

  /** Writes link `li`'s arrival times and connections back into its record. */
  save(li: number, link: LinkState): void {
    const o = li * ROW_F64;
    const r = li * ROW_I32;
    link.lastArrival[0] = this.num[o + LAST];
    link.lastArrival[1] = this.num[o + LAST + 1];
    link.conn[0] = this.int[r + CONN];
    link.conn[1] = this.int[r + CONN + 1];
  }

  /** Node index of end a of link `li`. */
  a(li: number): number {
    return this.int[li * ROW_I32 + END_A];
  }

  /** Node index of end b of link `li`. */
  b(li: number): number {
    return this.int[li * ROW_I32 + END_A + 1];
  }

  /** The connection end `s` of link `li` is on (TCP). */
  conn(li: number, s: number): number {
    return this.int[li * ROW_I32 + CONN + s];
  }

  setConn(li: number, s: number, c: number): void {
    this.int[li * ROW_I32 + CONN + s] = c;
  }

  /** Whether direction `s` of link `li` has segments waiting in its sender (TCP). */
  stalled(li: number, s: number): boolean {
    return this.int[li * ROW_I32 + STALLED + s] !== 0;
  }

  setStalled(li: number, s: number, on: boolean): void {
    this.int[li * ROW_I32 + STALLED + s] = on ? 1 : 0;
  }

  /**
   * Whether a message on link `li` needs more than `quickSample`: a cut, loss, duplication,
   * jitter, extra latency, or a normal or exponential latency.
   */
  slow(li: number): boolean {
    return (this.int[li * ROW_I32 + FLAGS] & SLOW) !== 0;
  }

  /** Whether a message from end `s` of link `li` can leave in its stride: the link is not slow and that direction not stalled. */
  open(li: number, s: number): boolean {
    const r = li * ROW_I32;
    return (this.int[r + FLAGS] & SLOW) === 0 && this.int[r + STALLED + s] === 0;
  }

  partitioned(li: number): boolean {
    return (this.int[li * ROW_I32 + FLAGS] & PARTITIONED) !== 0;
  }

  /** Whether link `li` carries TCP connections (else datagrams). */
  tcp(li: number): boolean {
    return (this.int[li * ROW_I32 + FLAGS] & TCP) !== 0;
  }

  /** Link `li`'s latency before jitter, as configured (the mean of a random one). */
  nominal(li: number): number {
    const o = li * ROW_F64;
    const kind = this.int[li * ROW_I32 + FLAGS] & KIND_MASK;
    const base = kind === UNIFORM ? (this.num[o + P1] + this.num[o + P2]) / 2 : this.num[o + P1];
    const c = li * COLD;
    return (Number.isFinite(base) ? base : 0) + this.cold[c + JITTER] / 2 + this.cold[c + EXTRA];
  }

  /** Probability that a message on link `li` is lost. */
  loss(li: number): number {
    return this.cold[li * COLD + LOSS];
  }

  /** Probability that a message on link `li` is delivered twice. */
  duplicate(li: number): number {
    return this.cold[li * COLD + DUP];
  }

  /**
   * Draws one latency sample for link `li` (jitter and extra latency included); never
   * negative. Draws from `rng` in a fixed order, so the stream does not depend on the branch.
   */
  sample(li: number, rng: RngState): number {
    const o = li * ROW_F64;
    const num = this.num;
    const kind = this.int[li * ROW_I32 + FLAGS] & KIND_MASK;
    let ms = kind === UNIFORM ? num[o + P1] + (num[o + P2] - num[o + P1]) * nextFloat(rng) : kind === FIXED ? num[o + P1] : this.draw(kind, o, rng);
    const c = li * COLD;
    const jitter = this.cold[c + JITTER];
    if (jitter > 0) ms += jitter * nextFloat(rng);
    ms += this.cold[c + EXTRA];
    return ms > 0 ? ms : 0;
  }

  /**
   * `sample` for a link that is not `slow`: fixed or uniform, nothing added. The same draws and
   * the same arithmetic (adding no jitter and zero extra latency changes no value), fewer tests.
   */
  quickSample(li: number, rng: RngState): number {
    const o = li * ROW_F64;
    const num = this.num;
    const ms = (this.int[li * ROW_I32 + FLAGS] & KIND_MASK) === UNIFORM ? num[o + P1] + (num[o + P2] - num[o + P1]) * nextFloat(rng) : num[o + P1];
    return ms > 0 ? ms : 0;
  }

  private draw(kind: number, o: number, rng: RngState): number {
    const num = this.num;
    switch (kind) {
      case EXPONENTIAL:
        return -num[o + P1] * Math.log(1 - nextFloat(rng));
      case NORMAL: {
        // Box-Muller; both draws always taken.
        const u = 1 - nextFloat(rng);
        const v = nextFloat(rng);
        return num[o + P1] + num[o + P2] * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      }
      default:
        return NaN;
    }
  }

  /**
   * When a message sent from end `s` of link `li` at `at` arrives: on a FIFO link never before
   * the one sent ahead of it in the same direction (and that becomes the new latest).
   */
  arrival(li: number, s: number, at: number): number {
    if ((this.int[li * ROW_I32 + FLAGS] & FIFO) === 0) return at;
    const k = li * ROW_F64 + LAST + s;
    const last = this.num[k];
    const t = at > last ? at : last;
    this.num[k] = t;
    return t;
  }
}
