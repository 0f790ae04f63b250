/**
 * How playback maps wall time to virtual time, as RaftScope does: a message on the wire takes a
 * readable time to cross however short its flight, and a stretch with nothing on the wire
 * passes quickly. Only the rate at which the cursor moves changes; the engine, the trace and
 * every virtual time shown are the same as without it.
 */

/** At 1×, the shortest message on the wire takes this long (wall ms) to cross. */
export const CROSS_MS = 600;
/** At 1×, a stretch with nothing on the wire takes at most this long (wall ms). */
export const QUIET_MS = 500;

/**
 * Above this many messages on the wire at once they are painted as plain dots (the canvas's
 * crowded wire) and nobody follows one by one; there is always one in flight, so pacing would
 * only crawl: a crowded wire plays at the chosen speed.
 */
export const CROWDED_WIRE = 80;

/** What the pacer looks at: the cursor, what is on the wire, and when the next event is due. */
export interface PaceInput {
  /** Virtual ms per wall ms the visitor chose (1× = 1). */
  speed: number;
  now: number;
  inFlight: readonly { sentAt: number; arriveAt: number }[];
  /** Time of the next scheduled event (Infinity when none). */
  next: number;
}

/**
 * Paces one player. While messages fly, virtual time runs slow enough that the shortest of
 * them takes CROSS_MS / speed to cross (never faster than the chosen speed). With the wire
 * empty, the time to the next event is crossed in at most QUIET_MS / speed, at a rate fixed
 * when the quiet stretch begins (so it does not slow down as the event nears), and never past
 * that event, so a message sent then is seen from its start.
 */
export class Pacer {
  private quiet: { until: number; rate: number } | null = null;

  /** Virtual ms to move for `wallMs` of real time. */
  advance(wallMs: number, { speed, now, inFlight, next }: PaceInput): number {
    if (inFlight.length > CROWDED_WIRE) {
      this.quiet = null;
      return wallMs * speed;
    }
    let shortest = Infinity;
    for (const m of inFlight) if (m.arriveAt > now) shortest = Math.min(shortest, m.arriveAt - m.sentAt);
    if (Number.isFinite(shortest)) {
      this.quiet = null;
      return wallMs * speed * Math.min(1, shortest / CROSS_MS);
    }
    if (!Number.isFinite(next) || next <= now) {
      this.quiet = null;
      return wallMs * speed;
    }
    if (this.quiet?.until !== next) this.quiet = { until: next, rate: Math.max(1, (next - now) / QUIET_MS) };
    return Math.min(wallMs * speed * this.quiet.rate, next - now);
  }
}
