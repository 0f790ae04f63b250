import { parseScenarioJson } from '@/engine/scenario/parse';
import { SCENARIO_JSON_LIMITS } from '@/engine/scenario/safe-json';
import type { Scenario } from '@/engine/scenario/schema';

/** A file name for a scenario's JSON: its title, made safe for any file system. */
export function fileNameFor(s: Scenario): string {
  const base = s.title.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${base}.json`;
}

/** The JSON a scenario is exported as (and imported from). */
export function scenarioJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/**
 * Reads a scenario file a visitor picked or dropped. The size is checked before a byte is read,
 * so a huge file is refused at once; the text then goes through the untrusted-JSON limits and
 * the scenario schema. Never throws.
 */
export async function readScenarioFile(file: File): Promise<{ ok: true; scenario: Scenario } | { ok: false; errors: string[] }> {
  if (file.size > SCENARIO_JSON_LIMITS.maxChars) {
    return { ok: false, errors: [`“${file.name}” is ${(file.size / 1_000_000).toFixed(1)} MB; a scenario file may be at most ${SCENARIO_JSON_LIMITS.maxChars / 1_000_000} MB`] };
  }
  if (file.type && !/json|text/.test(file.type)) return { ok: false, errors: [`“${file.name}” is not a JSON file (${file.type})`] };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, errors: [`“${file.name}” could not be read`] };
  }
  return parseScenarioJson(text);
}
