import type { Box } from './geometry';

/** Room kept between two cards, one above the other. */
export const GAP = 24;

/** A card to place: where the scenario puts it (canvas coordinates) and how big it is. */
export interface Placed extends Box {
  id: string;
  /** Placed by the visitor (dragged or dropped): it stays where it is; others make way. */
  pinned: boolean;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * Where each card is drawn so that no two overlap: a card that would overlap one above it (or a
 * pinned one) moves down just below it, as far as it must, and nothing else moves. Cards grow
 * downwards (a ZooKeeper card gaining znodes), so pushing the cards under it down is the least
 * change that keeps them apart; a layout that is already clear is returned as it is. Cards are
 * taken top to bottom (then left to right, then in the given order), so the result is
 * deterministic. Returns the moved cards' new y, by id.
 */
export function separate(cards: readonly Placed[]): Map<string, number> {
  const done = new Columns();
  for (const c of cards) if (c.pinned) done.add(c);
  const moved = new Map<string, number>();
  const free = cards.map((c, i) => ({ c, i })).filter(({ c }) => !c.pinned);
  free.sort((a, b) => a.c.y - b.c.y || a.c.x - b.c.x || a.i - b.i);
  for (const { c } of free) {
    const box = { x: c.x, y: c.y, width: c.width, height: c.height };
    // Each pass moves the card below one box it overlaps; y only grows, so this ends.
    for (let hit = done.hit(box); hit; hit = done.hit(box)) box.y = hit.y + hit.height + GAP;
    if (box.y !== c.y) moved.set(c.id, box.y);
    done.add(box);
  }
  return moved;
}

/** Width of a column of the index below: about a card's. */
const STRIP = 256;

/**
 * The boxes placed so far, filed by the vertical strips they cross, so a card is checked only
 * against the boxes in its own strips (a few dozen) instead of all of them: opening a 300-node
 * scenario spent tens of ms here. Boxes are checked in the order they were added, as a list would.
 */
class Columns {
  private strips = new Map<number, { box: Box; n: number }[]>();
  private n = 0;
  private span(b: Box): [number, number] {
    return [Math.floor(b.x / STRIP), Math.floor((b.x + b.width) / STRIP)];
  }
  add(box: Box): void {
    const [from, to] = this.span(box);
    const entry = { box, n: this.n++ };
    for (let k = from; k <= to; k++) {
      const strip = this.strips.get(k);
      if (strip) strip.push(entry);
      else this.strips.set(k, [entry]);
    }
  }
  /** The first box added that `box` overlaps, if any. */
  hit(box: Box): Box | undefined {
    const [from, to] = this.span(box);
    let first: { box: Box; n: number } | undefined;
    for (let k = from; k <= to; k++) {
      for (const e of this.strips.get(k) ?? []) {
        if (first && e.n >= first.n) break;
        if (overlaps(box, e.box)) {
          first = e;
          break;
        }
      }
    }
    return first?.box;
  }
}
