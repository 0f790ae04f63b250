/** The same change for each of `ids` (a program or params patch for every client of a kind). */
export function each(ids: readonly string[], patch: Readonly<Record<string, unknown>>): Record<string, Readonly<Record<string, unknown>>> {
  return Object.fromEntries(ids.map((id) => [id, patch]));
}
