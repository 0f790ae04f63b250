/**
 * Keys for list rows that let React re-use their DOM: a row whose item stays in the list keeps
 * its key (so it keeps its element, and keyboard focus on it follows the item), and an item new
 * to the list takes the key of a row whose item left, in order. A seek that replaces every
 * item then updates the existing rows in place instead of removing them all and creating new
 * ones, and a step that adds one item at the top moves the row that fell off the bottom there.
 */
export class RowSlots {
  private slotOf = new Map<string, number>();
  private next = 0;

  /** The row key of each of `items` (given by their own stable keys), in order. */
  assign(items: readonly string[]): number[] {
    const kept = new Set<number>();
    const out = new Array<number>(items.length);
    for (let i = 0; i < items.length; i++) {
      const s = this.slotOf.get(items[i]);
      if (s !== undefined && !kept.has(s)) {
        out[i] = s;
        kept.add(s);
      } else out[i] = -1;
    }
    // Freed rows, in the order they were shown, so a list replaced wholesale keeps its order of elements.
    const free: number[] = [];
    for (const s of this.slotOf.values()) if (!kept.has(s)) free.push(s);
    let f = 0;
    const slotOf = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      if (out[i] < 0) out[i] = f < free.length ? free[f++] : this.next++;
      slotOf.set(items[i], out[i]);
    }
    this.slotOf = slotOf;
    return out;
  }
}
