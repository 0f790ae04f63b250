import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { applyEdit, loadForOpen, readyToShow, registerKindAssets, whenShowable } from './kind-loading';
import { createPlaybackStore } from './playback-store';
import { withNode } from './scenario-edits';

function scenario(id: string): Scenario {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/**
 * Per-kind assets (as the canvas registers its cards) for one node type that arrive only when
 * the test says so. Behaviour is all registered here (vitest's setup file), so these are what
 * makes a scenario wait.
 */
function slowAssets(type: string) {
  let loaded = false;
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  registerKindAssets({
    loaded: (needs) => loaded || !needs.nodes.includes(type),
    load: (needs) => (needs.nodes.includes(type) && !loaded ? arrived.then(() => void (loaded = true)) : Promise.resolve()),
  });
  return { arrive: () => arrive() };
}

describe('waiting for a kind’s code', () => {
  it('applies an edit at once when its kinds are loaded, and after the code arrives when not, to the scenario as it is then', async () => {
    const zk = slowAssets('zookeeper');
    const store = createPlaybackStore(scenario('redis-basics'));
    const first = applyEdit(store, (s) => withNode(s, 'redis', { x: 0, y: 0 }).scenario);
    expect(first).toEqual({ ok: true });
    expect(store.getState().scenario.nodes.filter((n) => n.type === 'redis')).toHaveLength(2);

    expect(readyToShow(withNode(store.getState().scenario, 'zookeeper', { x: 0, y: 0 }).scenario)).toBe(false);
    const pending = applyEdit(store, (s) => withNode(s, 'zookeeper', { x: 0, y: 0 }).scenario);
    expect(pending).toBeInstanceOf(Promise);
    // An edit made while it waits is kept: the pending one is applied on top of it.
    store.getState().apply({ ...store.getState().scenario, title: 'renamed meanwhile' });
    zk.arrive();
    expect(await pending).toEqual({ ok: true });
    expect(store.getState().scenario.title).toBe('renamed meanwhile');
    expect(store.getState().scenario.nodes.some((n) => n.type === 'zookeeper')).toBe(true);
  });

  it('opens the newest of two documents asked for, however their code arrives', async () => {
    const lb = slowAssets('lb');
    const store = createPlaybackStore(scenario('redis-basics'));
    const slow = loadForOpen(store, scenario('session-store'));
    const fast = await loadForOpen(store, scenario('zk-basics'));
    expect(fast.ok).toBe(true);
    lb.arrive();
    expect(await slow).toEqual({ ok: false, errors: [], superseded: true });
  });

  it('gives React a settled promise for a scenario that can be shown now, the same one each time', async () => {
    const s = scenario('zk-lock');
    const p = whenShowable(s) as Promise<string | null> & { status?: string };
    expect(p.status).toBe('fulfilled');
    expect(whenShowable(s)).toBe(p);
    expect(await p).toBeNull();
  });
});
