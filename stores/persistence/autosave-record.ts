import { z } from 'zod';
import { issueMessage, formatIssues } from '@/engine/scenario/errors';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { AUTOSAVE_KEY, type AutosaveRecord } from './autosave-write';
import { moveStored, readStored } from './browser-storage';

// Reading the autosaved document back, apart from the named saves (./records.ts) and from
// writing it (./autosave-write.ts): a page load reads it only when something is stored, while
// the saves are only needed when a dialog lists them or work is stashed.

const autosaveSchema: z.ZodType<AutosaveRecord> = z.object({
  v: z.literal(1),
  savedAt: z.number(),
  t: z.number().min(0),
  entryId: z.string().max(60).nullable(),
  edited: z.boolean(),
  scenario: z.unknown(),
});
export type { AutosaveRecord };

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

/** The autosaved document, validated; damaged data is moved aside (kept) and reported. */
export function loadAutosave(): Loaded<{ record: AutosaveRecord; scenario: Scenario } | null> {
  const stored = readStored(AUTOSAVE_KEY);
  if (!stored.ok) return failAutosave(stored.error);
  if (stored.value === undefined) return { ok: true, value: null };
  const rec = autosaveSchema.safeParse(stored.value, { error: issueMessage });
  if (!rec.success) return failAutosave(formatIssues(rec.error.issues)[0]);
  const parsed = parseScenario(rec.data.scenario);
  if (!parsed.ok) return failAutosave(parsed.errors[0]);
  return { ok: true, value: { record: rec.data, scenario: parsed.scenario } };
}

function failAutosave(error: string): Loaded<never> {
  moveStored(AUTOSAVE_KEY, `autosave:damaged`);
  return { ok: false, error };
}
