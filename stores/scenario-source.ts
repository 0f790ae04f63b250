import { builtin, LIBRARY, type BuiltinScenario } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';

export type LoadedScenario = { ok: true; scenario: Scenario; entry: BuiltinScenario } | { ok: false; errors: string[]; title: string };

/** The scenario the playground opens with until the gallery and share links exist. */
export const DEFAULT_SCENARIO_ID = 'redis-basics';

/**
 * A built-in scenario, validated like any other input: the library is data that other people
 * edit, so a broken entry is reported on the page rather than thrown.
 */
export function loadBuiltin(id: string = DEFAULT_SCENARIO_ID): LoadedScenario {
  const entry = builtin(id) ?? LIBRARY[0];
  if (!entry) return { ok: false, title: id, errors: ['the scenario library is empty'] };
  const parsed = parseScenario(entry.scenario);
  if (!parsed.ok) return { ok: false, title: entry.title, errors: parsed.errors };
  return { ok: true, scenario: parsed.scenario, entry };
}
