import { beforeEach, describe, expect, it, vi } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import * as parse from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';

// Opening a document validates it once, where it is read, and passes the typed scenario on:
// the loader, the store and the keeping of edited work never parse it again.
vi.mock('@/engine/scenario/parse', async (original) => {
  const real = await original<typeof import('@/engine/scenario/parse')>();
  return { ...real, parseScenario: vi.fn(real.parseScenario), parseScenarioJson: vi.fn(real.parseScenarioJson) };
});

/** Validations so far: of parsed data, and of JSON text (which parses inside its own module). */
const parses = () => vi.mocked(parse.parseScenario).mock.calls.length + vi.mocked(parse.parseScenarioJson).mock.calls.length;

function valid(id: string): Scenario {
  const r = parse.parseScenario(builtin(id)!.scenario);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

async function storeShowing(id: string) {
  const { createPlaybackStore } = await import('../playback-store');
  const playback = createPlaybackStore(valid(id));
  vi.clearAllMocks();
  return playback;
}

describe('opening a document', () => {
  beforeEach(() => vi.clearAllMocks());

  it('parses a gallery entry once, from reading it to showing it', async () => {
    const { loadEntry } = await import('../scenario-source');
    const { openDocument } = await import('./documents');
    const playback = await storeShowing('redis-basics');
    const entry = builtin('zk-lock')!;
    const loaded = loadEntry(entry);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(await openDocument(playback, loaded.scenario, { entry, now: 1 })).toEqual({ ok: true, kept: undefined });
    expect(playback.getState().scenario).toBe(loaded.scenario);
    expect(parses()).toBe(1);
  });

  it('parses a file once', async () => {
    const { openDocument } = await import('./documents');
    const playback = await storeShowing('redis-basics');
    const read = parse.parseScenarioJson(JSON.stringify(builtin('session-store')!.scenario));
    if (!read.ok) throw new Error(read.errors.join('; '));
    expect(await openDocument(playback, read.scenario, { now: 1 })).toEqual({ ok: true, kept: undefined });
    expect(parses()).toBe(1);
  });
});
