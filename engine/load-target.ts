import { readFileSync, existsSync } from 'node:fs';
import { builtin } from './scenario/library';
import { parseScenario, parseScenarioJson } from './scenario/parse';
import { decodeShareHash } from './scenario/share';
import type { Scenario } from './scenario/schema';

/** The hash part of a share link (`https://host/#s=…`, `#s=…` or `s=…`), or null. */
function shareHashOf(target: string): string | null {
  const hash = target.includes('#') ? target.slice(target.indexOf('#') + 1) : target;
  return /(^|&)s=/.test(hash) ? hash : null;
}

/**
 * The scenario a command-line argument names: a share link, a built-in id or a scenario file
 * (in that order; a file that exists wins over a link-looking name). Node only: reads files.
 */
export function loadTarget(target: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const hash = shareHashOf(target);
  if (hash !== null && !existsSync(target)) {
    const shared = decodeShareHash(hash);
    if (shared && !shared.ok) return { ok: false, error: `invalid share link: ${shared.errors.join('; ')}` };
    if (shared?.ok) return { ok: true, scenario: shared.run.scenario };
  }
  const b = builtin(target);
  const result = b ? parseScenario(b.scenario) : existsSync(target) ? parseScenarioJson(readFileSync(target, 'utf8')) : undefined;
  if (!result) return { ok: false, error: `"${target}" is neither a file nor a built-in scenario (see --list)` };
  if (!result.ok) return { ok: false, error: `invalid scenario ${target}: ${result.errors.join('; ')}` };
  return { ok: true, scenario: result.scenario };
}
