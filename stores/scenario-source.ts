import type { BuiltinScenario } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { DEFAULT_ENTRY } from '@/engine/scenario/default-scenario';
import { BLANK_TITLE } from '@/engine/scenario/titles';

export { DEFAULT_ENTRY, BLANK_TITLE };

export type LoadedScenario = { ok: true; scenario: Scenario; entry: BuiltinScenario } | { ok: false; errors: string[]; title: string };

/**
 * A built-in scenario, validated like any other input: the library is data that other people
 * edit, so a broken entry is reported on the page rather than thrown.
 */
export function loadEntry(entry: BuiltinScenario = DEFAULT_ENTRY): LoadedScenario {
  const parsed = parseScenario(entry.scenario);
  if (!parsed.ok) return { ok: false, title: entry.title, errors: parsed.errors };
  return { ok: true, scenario: parsed.scenario, entry };
}

/** The library entry `id`, loading the library on first use. */
export async function findEntry(id: string): Promise<BuiltinScenario | undefined> {
  const { builtin } = await import('@/engine/scenario/library');
  return builtin(id);
}

/** A scenario with nothing in it, to build one's own from the palette. */
export function blankScenario(): Scenario {
  const parsed = parseScenario({ version: 1, id: 'blank', title: BLANK_TITLE, seed: 1, nodes: [], playback: { startMs: 0, speed: 1, untilMs: 10_000 } });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}
