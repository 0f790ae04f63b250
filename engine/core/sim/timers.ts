import { trueDuration } from '../clock';
import { ItemKind, type EventQueue } from '../queue';
import { item, type Kernel } from './kernel';

/**
 * Nodes' timers. A timer is an event in the queue; cancelling one only notes its id, and a
 * noted or stale timer (set before its node crashed) is skipped when it comes up, so neither
 * costs a search of the queue.
 */
export class Timers {
  private cancelled = new Set<number>();
  // The kernel's parts the dead-timer check reads, held directly (see Kernel).
  private readonly q: EventQueue;
  private readonly incarnation: Int32Array;

  constructor(private readonly k: Kernel) {
    this.q = k.q;
    this.incarnation = k.incarnation;
  }

  /** Sets a timer at node `i` firing after `delayMs` of the node's local time; returns its id. */
  set(i: number, delayMs: number, payload: unknown): number {
    const k = this.k;
    const id = k.w.nextTimerId++;
    const d = trueDuration(k.w.nodes[i].clock, Math.max(0, delayMs));
    const it = item(ItemKind.Timer, i);
    it.id = id;
    it.inc = k.incarnation[i];
    it.payload = payload;
    k.schedule(k.w.t + d, it);
    return id;
  }

  /** Cancels timer `id`; for a fired or unknown id the note is never matched, so nothing happens. */
  cancel(id: number): void {
    this.cancelled.add(id);
  }

  /** A timer that was cancelled or outlived its node's incarnation: not an event. */
  isDead(slot: number): boolean {
    const q = this.q;
    if (this.cancelled.delete(q.id[slot])) return true;
    return this.incarnation[q.node[slot]] !== q.inc[slot];
  }

  /** The cancelled ids, sorted: their part of a snapshot. */
  save(): number[] {
    return [...this.cancelled].sort((a, b) => a - b);
  }

  load(cancelled: readonly number[]): void {
    this.cancelled = new Set(cancelled);
  }
}
