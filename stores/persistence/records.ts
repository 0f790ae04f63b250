import { z } from 'zod';
import { p, type Say } from '@/engine/core/phrase';
import { issueMessage, formatIssues } from '@/engine/scenario/errors';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { readStored, writeStored } from './browser-storage';
import type { Loaded } from './autosave-record';

// The named saves. The autosave lives in ./autosave-record.ts (re-exported here), so that a page
// load, which only needs the autosave, does not carry the saves' code.

export { loadAutosave, type AutosaveRecord, type Loaded } from './autosave-record';
export { saveAutosave } from './autosave-write';

const SAVES_KEY = 'saves:v1';
/** At most this many named saves (each a few KB; localStorage holds about 5 MB). */
export const MAX_SAVES = 100;

const saveSchema = z.object({
  id: z.string().max(60),
  name: z.string().max(120),
  savedAt: z.number(),
  t: z.number().min(0),
  scenario: z.unknown(),
});
type SaveRecord = z.infer<typeof saveSchema>;

/**
 * A named save as the list shows it: usable, or damaged with the reason. A record too damaged to
 * have a name of its own is named by its place in the list, in the reader's language.
 */
export type SavedScenario = { id: string; savedAt: number; t: number } & ({ ok: true; name: string; scenario: Scenario } | { ok: false; name: Say; problem: string; raw: unknown });

function readSaveRecords(): Loaded<unknown[]> {
  const stored = readStored(SAVES_KEY);
  if (!stored.ok) return stored;
  if (stored.value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(stored.value)) return { ok: false, error: 'the saved-scenario list is damaged (not a list)' };
  return { ok: true, value: stored.value };
}

/** The named saves, newest first; a damaged one is listed with its problem, not dropped. */
export function listSaves(): Loaded<SavedScenario[]> {
  const raw = readSaveRecords();
  if (!raw.ok) return raw;
  const out = raw.value.map((item, i): SavedScenario => {
    const rec = saveSchema.safeParse(item, { error: issueMessage });
    if (!rec.success) return { id: `damaged-${i}`, name: p('ui.playground.saves-damagedName', { n: i + 1 }), savedAt: 0, t: 0, ok: false, problem: formatIssues(rec.error.issues)[0], raw: item };
    const parsed = parseScenario(rec.data.scenario);
    const { id, name, savedAt, t } = rec.data;
    return parsed.ok ? { id, name, savedAt, t, ok: true, scenario: parsed.scenario } : { id, name, savedAt, t, ok: false, problem: parsed.errors[0], raw: rec.data.scenario };
  });
  return { ok: true, value: out.sort((a, b) => b.savedAt - a.savedAt) };
}

let counter = 0;

/** Adds a named save; refuses (with the reason) when the list is full or storage refuses. */
export function addSave(name: string, scenario: Scenario, t: number, now: number): Loaded<SaveRecord> {
  const raw = readSaveRecords();
  if (!raw.ok) return raw;
  if (raw.value.length >= MAX_SAVES) return { ok: false, error: `you have ${MAX_SAVES} saved scenarios, the most this browser keeps: delete or export some first` };
  const rec: SaveRecord = { id: `${now.toString(36)}-${(counter++).toString(36)}`, name: name.trim().slice(0, 120) || 'Untitled', savedAt: now, t, scenario };
  const w = writeStored(SAVES_KEY, [...raw.value, rec]);
  return w.ok ? { ok: true, value: rec } : w;
}

/** Removes a named save (by id, or a damaged one by its list position). */
export function deleteSave(id: string): { ok: true } | { ok: false; error: string } {
  const raw = readSaveRecords();
  if (!raw.ok) return raw;
  const damaged = /^damaged-(\d+)$/.exec(id);
  const next = raw.value.filter((item, i) => (damaged ? i !== Number(damaged[1]) : !(typeof item === 'object' && item !== null && (item as { id?: unknown }).id === id)));
  return writeStored(SAVES_KEY, next);
}

/** Whether a scenario equal to this one is already saved (so stashing twice adds nothing). */
export function isSaved(scenario: Scenario): boolean {
  const list = listSaves();
  if (!list.ok) return false;
  const text = JSON.stringify(scenario);
  return list.value.some((s) => s.ok && JSON.stringify(s.scenario) === text);
}
