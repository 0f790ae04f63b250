/** Virtual time for readouts: milliseconds with one decimal, digits grouped. */
export function formatMs(t: number): string {
  return `${t.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
}

/** A speed as the select shows it ("0.25×"). */
export function formatSpeed(x: number): string {
  return `${x}×`;
}
