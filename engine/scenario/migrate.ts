import { CURRENT_VERSION } from './schema';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades from version N to N+1, indexed by N. Once a version is released its scenarios are
 * migrated, never rejected; none exists yet before version 1.
 */
const MIGRATIONS: Record<number, Migration> = {};

/** Brings a scenario of any released version up to the current one. */
export function migrate(input: unknown): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['(root): expected a scenario object'] };
  }
  let s = input as Record<string, unknown>;
  const v = s.version;
  if (typeof v !== 'number' || !Number.isInteger(v)) return { ok: false, errors: ['version: expected an integer version number'] };
  if (v > CURRENT_VERSION) return { ok: false, errors: [`version: ${v} is newer than this playground understands (${CURRENT_VERSION}); reload to update`] };
  if (v < 1) return { ok: false, errors: [`version: ${v} was never released`] };
  for (let k = v; k < CURRENT_VERSION; k++) s = { ...MIGRATIONS[k](s), version: k + 1 };
  return { ok: true, value: s };
}
