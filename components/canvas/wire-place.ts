import type { WireMessage } from '@/stores/narration';
import { RowSlots } from '../panels/row-slots';
import { curveLength, pointAlong, type Point } from './geometry';
import type { LinkCurve } from './message-canvas/link-curves';
import { TRAIL_MARKS, TRAIL_STEP } from './message-dot';
import { wireMotion } from './wire-motion';

/** A message placed on its wire for one frame, in the element slot it is drawn in. */
export interface PlacedMessage {
  /** The element slot (a React key): kept while the message flies, handed on when it lands. */
  slot: number;
  m: WireMessage;
  at: Point;
  /** Where the marks of its trail lie, nearest first; none while it waits or falls. */
  trail: Point[];
  outbound: boolean;
  fall: number;
}

/**
 * Every message on the wire placed at time `now` along its link's curve (`curveOf`; a link
 * with none, its cards not measured yet, draws nothing), in order of `slots`: a message keeps
 * its slot while it flies, and one new to the wire takes the slot of one that left. So a seek,
 * which replaces every message, restyles the dots already in the page instead of removing them
 * all and creating new ones, and, in slot order, never moves one either.
 */
export function placeWire(wire: readonly WireMessage[], curveOf: (link: string) => LinkCurve | null, now: number, still: boolean, slots: RowSlots): PlacedMessage[] {
  const lengths = new Map<string, number>();
  const placed: Omit<PlacedMessage, 'slot'>[] = [];
  const keys: string[] = [];
  for (const m of wire) {
    const c = curveOf(m.link);
    if (!c) continue;
    let length = lengths.get(m.link);
    if (length === undefined) lengths.set(m.link, (length = Math.max(1, curveLength(c.curve))));
    const outbound = m.from === c.source;
    const { travelled, fall } = wireMotion(m, now, still);
    const along = (f: number) => pointAlong(c.curve, outbound ? f : 1 - f);
    const trail: Point[] = [];
    if (!still && fall === 0) for (let k = 1; k <= TRAIL_MARKS && travelled - (k * TRAIL_STEP) / length > 0; k++) trail.push(along(travelled - (k * TRAIL_STEP) / length));
    placed.push({ m, at: along(travelled), trail, outbound, fall });
    keys.push(`${m.link}#${m.seq}`);
  }
  const slot = slots.assign(keys);
  return placed.map((p, i) => ({ ...p, slot: slot[i] })).sort((a, b) => a.slot - b.slot);
}
