import { p } from '@/engine/core/phrase';
import { loadNeeds } from '@/engine/registry/load';
import { behaviourNeeds, isNothing, notLoaded, type Needs, type NeedsSource } from '@/engine/registry/needs';
import type { Scenario } from '@/engine/scenario/schema';
import type { EditResult, PlaybackStore } from './playback-store';
import { needsLayoutEngine } from './auto-layout';
import { loadLayoutEngine } from './layout-engine';
import { problem } from '@/engine/scenario/problems';

// A node kind's code arrives when a scenario first uses it: its behaviour (engine/registry)
// and whatever the UI draws it with (the canvas's card, registered below). Everything that
// makes a scenario the document — opening one, an edit adding a kind — goes through here, so
// the store only ever builds simulations whose code is loaded.

/**
 * Per-kind assets the UI adds to the engine's behaviour: the canvas registers its cards, the
 * i18n its kinds' messages.
 */
export interface KindAssets {
  /** Whether the assets for everything `needs` lists are loaded. */
  loaded(needs: Needs): boolean;
  /** Loads them; kinds without assets of this kind are skipped. */
  load(needs: Needs): Promise<void>;
}

const assets: KindAssets[] = [];

/**
 * Adds per-kind assets to what showing a scenario waits for. Called at module scope by the
 * module that owns them (components/canvas/flow-registry.ts, components/i18n/kind-messages.ts),
 * which every player imports statically, so it is registered before anything is opened.
 */
export function registerKindAssets(a: KindAssets): void {
  if (!assets.includes(a)) assets.push(a);
}

/** Whether everything showing what `needs` lists is loaded. */
const ready = (needs: Needs) => isNothing(notLoaded(needs)) && assets.every((a) => a.loaded(needs));

/** Whether everything showing `s` takes is loaded, so it can become the document right now. */
export function readyToShow(s: NeedsSource): boolean {
  return ready(behaviourNeeds(s));
}

/** Loads what `needs` lists and is not loaded yet; rejects with a message naming what could not be fetched. */
async function loadNeeded(needs: Needs): Promise<void> {
  await Promise.all([loadNeeds(needs), ...assets.map((a) => a.load(needs))]);
}

/** Loads everything showing `s` takes; rejects with a message naming what could not be fetched. */
export async function loadToShow(s: NeedsSource): Promise<void> {
  await loadNeeded(behaviourNeeds(s));
}

/** Starts loading what `s` would need (a palette item about to be dropped); failures surface when it is used. */
export function preloadFor(s: NeedsSource): void {
  if (!readyToShow(s)) loadToShow(s).catch(() => undefined);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A promise React's use() reads without suspending once it has settled: the fields React itself sets. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T };

function tracked<T>(p: Promise<T>): Tracked<T> {
  const t = p as Tracked<T>;
  t.status = 'pending';
  void p.then((v) => {
    t.status = 'fulfilled';
    t.value = v;
  });
  return t;
}

const showing = new WeakMap<Scenario, Tracked<string | null>>();

/**
 * Resolves when validated scenario `s` can be shown: to null, or to why its code could not be
 * loaded (it never rejects). The same promise for the same scenario, settled at once when
 * everything is loaded already, so a component can suspend on it with use().
 */
export function whenShowable(s: Scenario): Promise<string | null> {
  let p = showing.get(s);
  if (!p) {
    if (readyToShow(s)) p = Object.assign(Promise.resolve(null), { status: 'fulfilled' as const, value: null });
    else p = tracked(loadToShow(s).then(() => null, message));
    showing.set(s, p);
  }
  return p;
}

/**
 * The outcome of waiting to open: go ahead, or not (the code failed to load, or a later open
 * took over). `current()` tells a caller that waits for more after this whether it still may.
 */
export type LoadOutcome = { ok: true; current(): boolean } | { ok: false; errors: string[]; superseded?: true };

const opens = new WeakMap<PlaybackStore, number>();

/**
 * Waits until validated scenario `s` can be opened in `playback`, working out once what it
 * needs. When another open on the same store starts meanwhile, this one is superseded: the
 * newest request wins, however the downloads finish.
 */
export async function loadForOpen(playback: PlaybackStore, s: Scenario): Promise<LoadOutcome> {
  const n = (opens.get(playback) ?? 0) + 1;
  opens.set(playback, n);
  const needs = behaviourNeeds(s);
  let failed: string | null = null;
  if (!ready(needs)) failed = await loadNeeded(needs).then(() => null, message);
  // A scenario without positions is laid out as it opens (auto-layout.ts), a small one by dagre.
  if (failed === null && needsLayoutEngine(s)) failed = await loadLayoutEngine().then(() => null, message);
  const current = () => opens.get(playback) === n;
  if (!current()) return { ok: false, errors: [], superseded: true };
  return failed === null ? { ok: true, current } : { ok: false, errors: [failed] };
}

/**
 * Applies an edit to the open scenario, first loading any kind it introduces (a dropped node,
 * a client switched to another program). Synchronous when nothing needs loading; otherwise the
 * edit is re-applied to the scenario as it is once the code has arrived, so edits made in the
 * meantime are kept, and it is dropped if another scenario was opened meanwhile.
 */
export function applyEdit(playback: PlaybackStore, edit: (s: Scenario) => Scenario): EditResult | Promise<EditResult> {
  const st = playback.getState();
  const next = edit(st.scenario);
  if (readyToShow(next)) return st.apply(next);
  const doc = st.doc;
  return loadToShow(next).then(
    (): EditResult => {
      const now = playback.getState();
      if (now.doc !== doc) return { ok: false, errors: [problem('another scenario was opened meanwhile', p('scenario.problem-otherScenario'))] };
      return now.apply(edit(now.scenario));
    },
    (e: unknown): EditResult => ({ ok: false, errors: [message(e)] }),
  );
}
