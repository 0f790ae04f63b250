import type { MonitorDef } from '../core/monitor';
import { INVARIANTS } from '../invariants/catalog';
import { NODE_KINDS } from '../models/catalog';
import { PROGRAM_KINDS } from '../patterns/catalog';
import { behaviourNeeds, isNothing, notLoaded, type Needs, type NeedsSource } from './needs';
import { registerMonitor, registerNode, registerProgram } from './registry';

// Loads behaviour on demand through the catalogs' `import()`s, so a page fetches a kind's code
// only when a scenario uses it. Each kind is fetched at most once at a time; a failed fetch
// (offline, a deploy replaced the chunk) is forgotten, so a later attempt tries again.

const inFlight = new Map<string, Promise<void>>();

function once(key: string, what: string, load: () => Promise<void>): Promise<void> {
  let p = inFlight.get(key);
  if (!p) {
    p = load().then(
      () => void inFlight.delete(key),
      (e: unknown) => {
        inFlight.delete(key);
        throw new Error(`the code for ${what} could not be loaded (${e instanceof Error ? e.message : String(e)})`);
      },
    );
    inFlight.set(key, p);
  }
  return p;
}

/**
 * Loads whatever in `needs` is not loaded yet, and resolves once all of it is registered.
 * Keys no catalog knows are skipped: the parser reports them. Rejects with a message naming
 * the kind when its code cannot be fetched.
 */
export async function loadNeeds(needs: Needs): Promise<void> {
  const missing = notLoaded(needs);
  if (isNothing(missing)) return;
  await Promise.all([
    ...missing.nodes
      .filter((t) => Object.hasOwn(NODE_KINDS, t))
      .map((t) => once(`node:${t}`, `node type ${t}`, async () => registerNode(await NODE_KINDS[t].load()))),
    ...missing.programs
      .filter((k) => Object.hasOwn(PROGRAM_KINDS, k))
      .map((k) => once(`program:${k}`, `program ${k}`, async () => registerProgram(await PROGRAM_KINDS[k].load()))),
    ...missing.monitors
      .filter((m) => Object.hasOwn(INVARIANTS, m))
      .map((m) => once(`monitor:${m}`, `invariant ${m}`, async () => registerMonitor((await INVARIANTS[m].load()) as MonitorDef<never>))),
  ]);
}

/**
 * Loads the behaviour a validated scenario runs (its node types, the programs its clients run,
 * its monitors); after it resolves, buildSimulation(s) can run synchronously.
 */
export function loadBehaviour(s: NeedsSource): Promise<void> {
  return loadNeeds(behaviourNeeds(s));
}
