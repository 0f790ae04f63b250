import { afterEach, describe, expect, it, vi } from 'vitest';
import { inEnglish } from '@/engine/i18n/english';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { problemSay } from '@/engine/scenario/problems';
import type { Scenario } from '@/engine/scenario/schema';

// An edit made before the parser chunk has arrived answers ok and is made once it is there.
// These check what happens when it cannot be made then: the store must say so (`lateRefusal`)
// instead of dropping the edit without a word. The parser module is replaced by one whose
// arrival the test controls.

type ParseModule = typeof import('@/engine/scenario/parse');

function parserArriving() {
  let arrive!: (m: ParseModule) => void;
  let fail!: (e: Error) => void;
  const arrival = new Promise<ParseModule>((res, rej) => ((arrive = res), (fail = rej)));
  let loaded: ParseModule | null = null;
  void arrival.then((m) => (loaded = m), () => undefined);
  return { load: () => arrival, now: () => loaded, arrive: () => arrive({ parseScenario } as ParseModule), fail };
}

async function storeBeforeTheParser() {
  const parser = parserArriving();
  vi.resetModules();
  vi.doMock('@/engine/scenario/parser', () => ({ loadParser: parser.load, parserNow: parser.now }));
  await import('@/engine/registry/register-all');
  const { createPlaybackStore } = await import('./playback-store');
  const parsed = parseScenario(builtin('redis-basics')!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { store: createPlaybackStore(parsed.scenario), parser };
}

/** A latency the schema refuses (its minimum above its maximum); the edit still changes the run. */
const badLatency = (s: Scenario): Scenario => ({ ...s, edges: s.edges.map((e) => ({ ...e, params: { ...e.params, latency: { kind: 'uniform', minMs: 90, maxMs: 10 } } })) });
const slower = (s: Scenario): Scenario => ({ ...s, edges: s.edges.map((e) => ({ ...e, params: { ...e.params, latency: { kind: 'uniform', minMs: 70, maxMs: 80 } } })) });
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.doUnmock('@/engine/scenario/parser');
  vi.resetModules();
});

describe('an edit made before the parser arrives', () => {
  it('is made when the parser arrives and accepts it', async () => {
    const { store, parser } = await storeBeforeTheParser();
    const before = store.getState().revision;
    expect(store.getState().apply(slower(store.getState().scenario))).toEqual({ ok: true });
    expect(store.getState().revision).toBe(before);
    parser.arrive();
    await settle();
    expect(store.getState().revision).toBe(before + 1);
    expect(store.getState().scenario.edges[0].params.latency).toEqual({ kind: 'uniform', minMs: 70, maxMs: 80 });
    expect(store.getState().lateRefusal).toBeNull();
  });

  it('is published as a late refusal, with the parser\'s problems, when the parser refuses it', async () => {
    const { store, parser } = await storeBeforeTheParser();
    const scenario = store.getState().scenario;
    expect(store.getState().apply(badLatency(scenario))).toEqual({ ok: true });
    parser.arrive();
    await settle();
    const late = store.getState().lateRefusal;
    expect(late?.errors.length).toBeGreaterThan(0);
    expect(late!.errors[0]).toMatch(/latency/);
    expect(store.getState().scenario).toBe(scenario);
  });

  it('reports the second of two early edits, which was made without the first', async () => {
    const { store, parser } = await storeBeforeTheParser();
    const scenario = store.getState().scenario;
    store.getState().apply(slower(scenario));
    store.getState().apply({ ...slower(scenario), seed: 7 });
    parser.arrive();
    await settle();
    expect(store.getState().scenario.edges[0].params.latency).toEqual({ kind: 'uniform', minMs: 70, maxMs: 80 });
    expect(store.getState().scenario.seed).toBe(scenario.seed);
    const late = store.getState().lateRefusal;
    expect(late?.id).toBe(1);
    expect(inEnglish(problemSay(late!.errors[0]))).toMatch(/overtaken by another one/);
  });

  it('is reported when the parser cannot be fetched', async () => {
    const { store, parser } = await storeBeforeTheParser();
    store.getState().apply(slower(store.getState().scenario));
    parser.fail(new Error('network down'));
    await settle();
    expect(store.getState().lateRefusal?.errors).toEqual(['the edit could not be checked: network down']);
  });

  it('is dropped without a report when another scenario was opened meanwhile', async () => {
    const { store, parser } = await storeBeforeTheParser();
    const scenario = store.getState().scenario;
    store.getState().apply(badLatency(scenario));
    store.getState().open(scenario);
    parser.arrive();
    await settle();
    expect(store.getState().lateRefusal).toBeNull();
    expect(store.getState().doc).toBe(1);
  });
});
