import { inEnglish } from '@/engine/i18n/english';
import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { RedisView } from '@/engine/models/redis/view';
import { createPlaybackStore } from './playback-store';
import { LOG_KINDS } from './log-groups';
import { logAt } from './narration';
import { selectCaption, selectNodeView } from './selectors';

function store() {
  const parsed = parseScenario(builtin('redis-basics')!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createPlaybackStore(parsed.scenario);
}

describe('playback store', () => {
  it('steps exactly one engine event at a time and narrates it', () => {
    const s = store();
    expect(s.getState().steps).toBe(0);
    s.getState().stepForward();
    expect(s.getState().steps).toBe(1);
    expect(selectCaption(s.getState()).map((e) => inEnglish(e.text))).toEqual(['client starts', 'client sends SET greeting hello PX 2500 to redis']);
    s.getState().stepForward();
    expect(s.getState().steps).toBe(2);
    expect(s.getState().inFlight).toHaveLength(1);
    expect(inEnglish(s.getState().inFlight[0].text)).toBe('SET greeting hello PX 2500');
  });

  it('advances virtual time and keeps step-derived arrays while no event ran', () => {
    const s = store();
    s.getState().advance(10);
    const { inFlight, version } = s.getState();
    const caption = selectCaption(s.getState());
    s.getState().advance(10);
    expect(s.getState().time).toBe(20);
    expect(s.getState().inFlight).toBe(inFlight);
    expect(selectCaption(s.getState())).toBe(caption);
    expect(s.getState().version).toBe(version + 1);
  });

  it('stops playing at the end of the run and restarts on play', () => {
    const s = store();
    s.getState().play();
    s.getState().advance(1e9);
    expect(s.getState()).toMatchObject({ time: 4000, playing: false, finished: true });
    s.getState().play();
    expect(s.getState()).toMatchObject({ time: 0, steps: 0, playing: true });
  });

  it('seeks back and forth to the same world', () => {
    const s = store();
    s.getState().advance(1500);
    const steps = s.getState().steps;
    const caption = selectCaption(s.getState()).map((e) => inEnglish(e.text));
    s.getState().seek(200);
    expect(s.getState().time).toBe(200);
    s.getState().seek(1500);
    expect(s.getState().steps).toBe(steps);
    expect(selectCaption(s.getState()).map((e) => inEnglish(e.text))).toEqual(caption);
  });

  it('shows a node through its kind’s view: the TTL a key was set with, and the same view object while its state is unchanged', () => {
    const s = store();
    s.getState().advance(600);
    const live = selectNodeView(s.getState(), 'redis')!;
    const greeting = (live.view as RedisView).keys.find((k) => k.name === 'greeting')!;
    expect(greeting.expireAt).not.toBeNull();
    // Within a millisecond: the server may keep deadlines in whole ms.
    expect(Math.abs(greeting.ttlMs! - 2500)).toBeLessThan(1);
    // Time passing alone leaves the view as it was, so a card reading it does not re-render.
    s.getState().advance(1);
    expect(selectNodeView(s.getState(), 'redis')!.view).toBe(live.view);
    s.getState().advance(5000);
    expect(selectNodeView(s.getState(), 'redis')!.view).not.toBe(live.view);
    expect(selectNodeView(s.getState(), 'nobody')).toBeNull();
  });
});

describe('event log', () => {
  const every = { node: null, kinds: new Set(LOG_KINDS) };
  it('keeps the lines an earlier log narrated and narrates only the new ones, as a fresh log would', () => {
    const s = store();
    for (let i = 0; i < 6; i++) s.getState().stepForward();
    const { sim, labels } = s.getState();
    const before = logAt(sim, sim.steps, labels, every);
    for (let i = 0; i < 3; i++) s.getState().stepForward();
    const after = logAt(sim, sim.steps, labels, every, undefined, before);
    const fresh = logAt(sim, sim.steps, labels, every);
    expect(after.map((e) => e.i)).toEqual(fresh.map((e) => e.i));
    expect(after.map((e) => inEnglish(e.text))).toEqual(fresh.map((e) => inEnglish(e.text)));
    const kept = after.filter((e) => before.includes(e));
    expect(kept.length).toBe(before.length);
    expect(after.length).toBeGreaterThan(before.length);
  });
});
