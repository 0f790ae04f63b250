// One formatter for every call: toLocaleString with options builds a new one each time, which
// showed up as the top cost of a busy log re-rendering every frame.
const MS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Virtual time for readouts: milliseconds with one decimal, digits grouped. */
export function formatMs(t: number): string {
  return `${MS.format(t)} ms`;
}

/** A speed as the select shows it ("0.25×"). */
export function formatSpeed(x: number): string {
  return `${x}×`;
}
