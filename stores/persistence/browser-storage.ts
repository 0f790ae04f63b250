import { parseUntrustedJson } from '@/engine/scenario/safe-json';

/** Everything this app keeps in localStorage is under this prefix. */
const PREFIX = 'dp:';

export type Stored = { ok: true; value: unknown } | { ok: false; error: string } | { ok: true; value: undefined };

/** localStorage, or null where it is missing or blocked (private modes, sandboxed iframes). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Reads a JSON value this app stored. The value is untrusted all the same (another tab, an
 * older version or a person with devtools may have written it): it goes through the same
 * limits as a file. `undefined` when nothing is stored.
 */
export function readStored(key: string): Stored {
  const s = storage();
  if (!s) return { ok: true, value: undefined };
  let text: string | null;
  try {
    text = s.getItem(PREFIX + key);
  } catch {
    return { ok: false, error: 'this browser does not allow reading local storage' };
  }
  if (text === null) return { ok: true, value: undefined };
  const parsed = parseUntrustedJson(text);
  return parsed.ok ? parsed : { ok: false, error: parsed.errors[0] };
}

/** Writes a JSON value; says why when the browser refuses (quota, blocked storage). */
export function writeStored(key: string, value: unknown): { ok: true } | { ok: false; error: string } {
  const s = storage();
  if (!s) return { ok: false, error: 'this browser has no local storage here (private mode or a sandboxed frame?)' };
  try {
    s.setItem(PREFIX + key, JSON.stringify(value));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, error: quota ? 'local storage is full: delete a saved scenario or export it to a file' : `the browser refused to store it (${(e as Error).message})` };
  }
}

/** Moves a stored value aside under another key (damaged data is kept, never dropped). */
export function moveStored(from: string, to: string): void {
  const s = storage();
  if (!s) return;
  try {
    const text = s.getItem(PREFIX + from);
    if (text !== null) s.setItem(PREFIX + to, text);
    s.removeItem(PREFIX + from);
  } catch {
    // Nothing more can be done where storage is blocked; the caller has already reported it.
  }
}
