import type { Msg } from '../msg';
import { ItemKind, type EventQueue } from '../queue';
import type { InFlight } from './types';

/**
 * The messages on the wire, as the canvas asks for them on every frame it moves (thousands
 * on a big run). The queue holds them in heap order, so each answer is a walk of the queue;
 * what is saved is the rest: a message still on the wire keeps the record made for it, and
 * only the ones sent since the last answer are sorted (by seq, the order they were sent in)
 * and merged in. Records are shared between answers, so callers must not change them.
 */
export class InFlightList {
  /** By queue slot: the record made for the message in it. */
  private readonly bySlot: (InFlight | undefined)[] = [];
  /** By queue slot: the answer that last found that record's message still in the slot. */
  private readonly seenIn: number[] = [];
  private answer = 0;
  /** The slots of the last answer's messages, in its order. */
  private lastSlots: number[] = [];

  /** The messages in `q` (sent or lost on the way), in the order they were sent. */
  read(q: EventQueue, nodeIds: readonly string[], linkIds: readonly string[]): InFlight[] {
    const answer = ++this.answer;
    const { bySlot, seenIn } = this;
    const fresh: number[] = [];
    let seen = 0;
    q.forEach((s, time, seq) => {
      const kind = q.kind[s];
      if (kind !== ItemKind.Msg && kind !== ItemKind.Lost) return;
      const msg = q.ref[s] as Msg;
      const had = bySlot[s];
      // The same send: after a seek, the slot may hold another message, even one with this seq.
      if (had !== undefined && had.seq === seq && had.msg === msg && had.arriveAt === time) {
        seenIn[s] = answer;
        seen++;
        return;
      }
      bySlot[s] = { from: nodeIds[q.from[s]], to: nodeIds[q.node[s]], link: linkIds[q.link[s]], sentAt: q.sentAt[s], arriveAt: time, msg, lost: kind === ItemKind.Lost, seq };
      fresh.push(s);
    });
    const bySeq = (a: number, b: number) => bySlot[a]!.seq - bySlot[b]!.seq;
    fresh.sort(bySeq);
    // Kept: the last answer's messages still on the wire, already in order. A slot's record is
    // only ever replaced by a fresh one, so one found again is the record the last answer had.
    const kept = this.lastSlots.filter((s) => seenIn[s] === answer);
    // A record found again that the last answer did not have (a seek brought it back): sort all.
    if (kept.length !== seen) {
      kept.length = 0;
      q.forEach((s) => {
        if (seenIn[s] === answer) kept.push(s);
      });
      kept.sort(bySeq);
    }
    const slots: number[] = new Array(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < slots.length; k++) slots[k] = j >= fresh.length || (i < kept.length && bySlot[kept[i]]!.seq < bySlot[fresh[j]]!.seq) ? kept[i++] : fresh[j++];
    this.lastSlots = slots;
    return slots.map((s) => bySlot[s]!);
  }
}
