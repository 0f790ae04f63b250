import { PROGRAM_KINDS } from '@/engine/patterns/catalog';
import { PROGRAM_PARAMS } from '@/engine/patterns/params-catalog';
import type { Scenario } from '@/engine/scenario/schema';

/**
 * The parameters a client `clientId` starts with when switched to program `kind`, from the
 * form's `fresh` values (the new program's defaults plus what both programs share): its target
 * becomes the linked node of the type the program talks to, unless the kept one already is
 * such a node (with several, the first link wins), and required lists it has no default for (a
 * script's commands) are filled with the program's example, so it runs and shows how they read.
 */
export function fillProgram(scenario: Scenario, clientId: string, kind: string, fresh: Record<string, unknown>): Record<string, unknown> {
  const manifest = PROGRAM_KINDS[kind];
  if (!manifest) return fresh;
  const out = { ...fresh };
  const typeOf = new Map(scenario.nodes.map((n) => [n.id, n.type]));
  const linked = scenario.edges
    .filter((e) => e.source === clientId || e.target === clientId)
    .map((e) => (e.source === clientId ? e.target : e.source))
    .filter((id) => manifest.needs.includes(typeOf.get(id) ?? ''))
    // A program that talks to several types (an outbox relay: its database, then the broker) targets the first.
    .sort((a, b) => manifest.needs.indexOf(typeOf.get(a) ?? '') - manifest.needs.indexOf(typeOf.get(b) ?? ''));
  if ('target' in PROGRAM_PARAMS[kind].shape && linked.length > 0 && !linked.includes(String(out.target ?? ''))) out.target = linked[0];
  for (const [k, v] of Object.entries(manifest.example ?? {})) {
    const cur = out[k];
    if (cur === undefined || cur === '' || (Array.isArray(cur) && cur.length === 0)) out[k] = structuredClone(v);
  }
  return out;
}
