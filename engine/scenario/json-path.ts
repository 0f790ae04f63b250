// Naming a place in JSON data, apart from the error messages (./errors.ts, which need the
// catalogs' parameter vocabulary): the JSON limits (./safe-json.ts) use it on every page load.

/** `['nodes', 2, 'params', 'ttlMs']` -> `nodes[2].params.ttlMs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}
