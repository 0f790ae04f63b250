import { FlatCodec, ValueColumn } from '../flat-codec';
import type { Msg } from '../msg';
import type { NodeRuntime } from './types';
import { compressWords, decompressWords } from './word-lz';

/**
 * Node states and queued messages of one snapshot, stored as numbers (see Freezer). Shapes are
 * stored + 1, 0 meaning the value is kept as it is; offsets take 16 bits while the words do.
 */
export interface Packed {
  /**
   * The words, coded (see word-lz): neighbouring states repeat each other (a primary's replicas
   * hold the same keys), and coded they took a quarter of the memory.
   */
  readonly coded: Uint32Array;
  /** How many words `coded` decodes to. */
  readonly n: number;
  /** Per node: the shape id + 1 of its state in `words`, or 0. */
  readonly stateShape: Uint16Array;
  readonly stateOff: Uint16Array | Uint32Array;
  /** Per queued event: the shape id + 1 of its message in `words`, or 0. */
  readonly refShape: Uint16Array;
  readonly refOff: Uint16Array | Uint32Array;
}

/** `offs` in the narrowest array that holds offsets into `n` words. */
function narrowOffsets(offs: Uint32Array, n: number): Uint16Array | Uint32Array {
  return n <= 0xffff ? Uint16Array.from(offs) : offs;
}

/**
 * Stores snapshots' node states and in-flight messages as 32-bit words (FlatCodec) instead of
 * holding the objects: a snapshot taken far from the one before shares little with it, and as
 * objects its states and messages took most of its memory. A message sent to many nodes is
 * stored once and given back as one object. What is not plain data is kept as it is.
 */
export class Freezer {
  private readonly codec = new FlatCodec();
  private readonly col = new ValueColumn();
  /** The words of the snapshot last opened (see `words`), decoded. */
  private open: Packed | null = null;
  private buf = new Uint32Array(0);

  /**
   * Packs the states of `nodes` (copies the caller owns: a packed state is taken out of its
   * record) and the messages among `refs` whose `kinds[i]` says they are one, likewise.
   */
  freeze(nodes: NodeRuntime[], refs: unknown[], isMsg: (i: number) => boolean): Packed {
    const col = this.col;
    col.n = 0;
    const stateShape = new Uint16Array(nodes.length);
    const stateOff = new Uint32Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const st = nodes[i].state;
      if (typeof st !== 'object' || st === null) continue;
      const off = col.n;
      const sh = this.codec.encodeAs(nodes[i].type, st, col);
      if (sh < 0) continue;
      stateShape[i] = sh + 1;
      stateOff[i] = off;
      nodes[i].state = null;
    }
    const refShape = new Uint16Array(refs.length);
    const refOff = new Uint32Array(refs.length);
    const seen = new Map<unknown, number>();
    for (let i = 0; i < refs.length; i++) {
      if (!isMsg(i)) continue;
      const m = refs[i] as Msg;
      const first = seen.get(m);
      if (first !== undefined) {
        refShape[i] = refShape[first];
        refOff[i] = refOff[first];
        refs[i] = null;
        continue;
      }
      const off = col.n;
      const sh = this.codec.encode(m, col);
      if (sh < 0) continue;
      seen.set(m, i);
      refShape[i] = sh + 1;
      refOff[i] = off;
      refs[i] = null;
    }
    const n = col.n;
    return { coded: compressWords(col.data, n), n, stateShape, stateOff: narrowOffsets(stateOff, n), refShape, refOff: narrowOffsets(refOff, n) };
  }

  /** Puts the packed states back into `nodes` (fresh copies of the snapshot's records). */
  thawStates(p: Packed, nodes: NodeRuntime[]): void {
    const words = this.words(p);
    for (let i = 0; i < nodes.length; i++) {
      if (p.stateShape[i] > 0) nodes[i].state = this.codec.decode(p.stateShape[i] - 1, words, p.stateOff[i]);
    }
  }

  /**
   * The words of `p`, decoded into a buffer this freezer reuses: a restore thaws the messages and
   * then the states of one snapshot, and decodes its words once.
   */
  private words(p: Packed): Uint32Array {
    if (this.open === p) return this.buf;
    if (this.buf.length < p.n) this.buf = new Uint32Array(Math.max(p.n, 2 * this.buf.length));
    decompressWords(p.coded, this.buf);
    this.open = p;
    return this.buf;
  }

  /** The queued events' messages and payloads, packed ones rebuilt (one object per stored message). */
  thawRefs(p: Packed, refs: readonly unknown[]): unknown[] {
    const out = refs.slice();
    const words = this.words(p);
    // By shape and offset: a message with no values (only its type) takes no words, so it
    // shares its offset with the next one.
    const made = new Map<number, unknown>();
    for (let i = 0; i < out.length; i++) {
      const sh = p.refShape[i] - 1;
      if (sh < 0) continue;
      const key = p.refOff[i] * 0x10000 + sh;
      let m = made.get(key);
      if (m === undefined) made.set(key, (m = this.codec.decode(sh, words, p.refOff[i])));
      out[i] = m;
    }
    return out;
  }
}
