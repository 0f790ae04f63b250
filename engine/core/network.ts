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

// Per-link numbers the send path reads: LINK_STRIDE doubles (64 bytes) per link, side by side.
const LINK_STRIDE = 8;
const P1 = 0; // fixed ms, uniform min, normal mean, exponential mean
const P2 = 1; // uniform max, normal std
const JITTER = 2;
const EXTRA = 3;
const LOSS = 4;
const DUP = 5;
const LAST = 6; // latest arrival a->b, then b->a (FIFO order)

// Flags byte per link: the latency kind in the low bits, then the switches.
const KIND_MASK = 7;
const FIXED = 0;
const UNIFORM = 1;
const NORMAL = 2;
const EXPONENTIAL = 3;
const UNKNOWN = 7;
const FIFO = 8;
const PARTITIONED = 16;
const TCP = 32;

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
 * link -> params -> latency objects costs a cache miss at each hop on every message; here a
 * send reads one 64-byte row. `LinkState` stays the world's plain-data record: parameters are
 * compiled from it (`load`) whenever they change, and the FIFO arrival times, which change on
 * every send, live here and are copied back (`save`) when the world is read.
 */
export class LinkTable {
  /** Endpoints of each link. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** TCP: the connection each end is on, at 2·li (end a) and 2·li + 1 (end b). */
  readonly conn: Int32Array;
  /** TCP: 1 while a direction's sender has segments waiting (2·li: a->b, 2·li + 1: b->a). */
  readonly stalled: Uint8Array;
  private readonly num: Float64Array;
  private readonly flags: Uint8Array;

  constructor(links: readonly LinkState[]) {
    const n = links.length;
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.num = new Float64Array(n * LINK_STRIDE);
    this.flags = new Uint8Array(n);
    this.conn = new Int32Array(2 * n);
    this.stalled = new Uint8Array(2 * n);
    for (let li = 0; li < n; li++) this.load(li, links[li]);
  }

  /** Takes link `li`'s parameters, extra latency and arrival times from its record. */
  load(li: number, link: LinkState): void {
    const p = link.params;
    const l = p.latency;
    const kind = kindCode(l);
    const o = li * LINK_STRIDE;
    const num = this.num;
    this.a[li] = link.a;
    this.b[li] = link.b;
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
    num[o + JITTER] = p.jitterMs;
    num[o + EXTRA] = link.extraLatencyMs;
    num[o + LOSS] = p.loss;
    num[o + DUP] = p.duplicate;
    num[o + LAST] = link.lastArrival[0];
    num[o + LAST + 1] = link.lastArrival[1];
    this.flags[li] = kind | (p.fifo ? FIFO : 0) | (p.partitioned ? PARTITIONED : 0) | (p.transport === 'datagram' ? 0 : TCP);
    this.conn[2 * li] = link.conn[0];
    this.conn[2 * li + 1] = link.conn[1];
    this.stalled[2 * li] = link.tcp[0].buf.length > 0 ? 1 : 0;
    this.stalled[2 * li + 1] = link.tcp[1].buf.length > 0 ? 1 : 0;
  }

  /** Writes link `li`'s arrival times back into its record. */
  save(li: number, link: LinkState): void {
    const o = li * LINK_STRIDE;
    link.lastArrival[0] = this.num[o + LAST];
    link.lastArrival[1] = this.num[o + LAST + 1];
    link.conn[0] = this.conn[2 * li];
    link.conn[1] = this.conn[2 * li + 1];
  }

  partitioned(li: number): boolean {
    return (this.flags[li] & PARTITIONED) !== 0;
  }

  /** Whether link `li` carries TCP connections (else datagrams). */
  tcp(li: number): boolean {
    return (this.flags[li] & TCP) !== 0;
  }

  /** Link `li`'s latency before jitter, as configured (the mean of a random one). */
  nominal(li: number): number {
    const o = li * LINK_STRIDE;
    const kind = this.flags[li] & KIND_MASK;
    const base = kind === UNIFORM ? (this.num[o + P1] + this.num[o + P2]) / 2 : this.num[o + P1];
    return (Number.isFinite(base) ? base : 0) + this.num[o + JITTER] / 2 + this.num[o + EXTRA];
  }

  /** Probability that a message on link `li` is lost. */
  loss(li: number): number {
    return this.num[li * LINK_STRIDE + LOSS];
  }

  /** Probability that a message on link `li` is delivered twice. */
  duplicate(li: number): number {
    return this.num[li * LINK_STRIDE + DUP];
  }

  /**
   * Draws one latency sample for link `li` (jitter and extra latency included); never
   * negative. Draws from `rng` in a fixed order, so the stream does not depend on the branch.
   */
  sample(li: number, rng: RngState): number {
    const o = li * LINK_STRIDE;
    const num = this.num;
    const kind = this.flags[li] & KIND_MASK;
    // Uniform and fixed inline; the rest out of line, so the send path stays small enough for
    // the compiler to inline the queue push into it.
    let ms = kind === UNIFORM ? num[o + P1] + (num[o + P2] - num[o + P1]) * nextFloat(rng) : kind === FIXED ? num[o + P1] : this.draw(kind, o, rng);
    const jitter = num[o + JITTER];
    if (jitter > 0) ms += jitter * nextFloat(rng);
    ms += num[o + EXTRA];
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
   * When a message sent by `from` on link `li` at `at` arrives: on a FIFO link never before
   * the one sent ahead of it in the same direction (and that becomes the new latest).
   */
  arrival(li: number, from: number, at: number): number {
    if ((this.flags[li] & FIFO) === 0) return at;
    const k = li * LINK_STRIDE + LAST + (from === this.a[li] ? 0 : 1);
    const last = this.num[k];
    const t = at > last ? at : last;
    this.num[k] = t;
    return t;
  }
}
