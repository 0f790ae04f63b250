/** The longest value text a node card shows before cutting it short. */
const MAX = 48;

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

function inner(v: unknown, depth: number): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (depth > 1) return '…';
  if (Array.isArray(v)) return `[${v.map((x) => inner(x, depth + 1)).join(', ')}]`;
  if (v instanceof Set) return `{${[...v].map((x) => inner(x, depth + 1)).join(', ')}}`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${inner(x, depth + 1)}`)
      .join(', ')}}`;
  }
  return String(v);
}

/**
 * A Redis value in one short line, whatever its shape: strings quoted as redis-cli does, hashes
 * and lists in braces and brackets. Read defensively: it never throws, whatever the value.
 */
export function formatValue(v: unknown): string {
  return clip(inner(v, 0));
}
