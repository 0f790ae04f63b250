import { readStored, writeStored } from './browser-storage';

// Writing the autosave, apart from reading it back (./autosave-record.ts validates with zod):
// every page writes it from its first edit, while only a visitor with saved work reads it.

/** Where the autosaved document is kept. */
export const AUTOSAVE_KEY = 'autosave:v1';

/** The autosaved document as stored (autosave-record.ts checks this shape when reading it). */
export interface AutosaveRecord {
  v: 1;
  savedAt: number;
  /** Cursor time when saved. */
  t: number;
  /** The library entry it came from, for the About tab. */
  entryId: string | null;
  edited: boolean;
  scenario: unknown;
}

/** Whether anything is stored under the autosave's key (valid or not), without validating it. */
export function hasAutosave(): boolean {
  const stored = readStored(AUTOSAVE_KEY);
  return !stored.ok || stored.value !== undefined;
}

/** Stores the current document (the caller debounces). */
export function saveAutosave(rec: Omit<AutosaveRecord, 'v' | 'savedAt'>, now: number): { ok: true } | { ok: false; error: string } {
  return writeStored(AUTOSAVE_KEY, { v: 1, savedAt: now, ...rec });
}
