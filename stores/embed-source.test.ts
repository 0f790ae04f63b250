import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { shareHash } from '@/engine/scenario/share';
import { loadRequestOf, posterInfo, resolveScenario, startTime } from './embed-source';

const zkLock = builtin('zk-lock')!;

describe('resolveScenario', () => {
  it('opens the default, a built-in, a share link and a scenario object', async () => {
    const def = await resolveScenario({ kind: 'default' });
    expect(def.ok && def.doc.entry?.id).toBe('redis-basics');
    const b = await resolveScenario({ kind: 'builtin', id: 'zk-lock' });
    expect(b.ok && b.doc.entry?.title).toBe(zkLock.title);
    const parsed = parseScenario(zkLock.scenario);
    if (!parsed.ok) throw new Error('zk-lock is invalid');
    const shared = await resolveScenario({ kind: 'share', hash: `https://x.org/#${shareHash(parsed.scenario, 1500)}` });
    expect(shared.ok && shared.doc).toMatchObject({ entry: null, t: 1500, scenario: { title: parsed.scenario.title } });
    const obj = await resolveScenario({ kind: 'object', scenario: { ...parsed.scenario, title: 'Mine' } });
    expect(obj.ok && obj.doc.scenario.title).toBe('Mine');
  });

  it('names what is wrong, never throws', async () => {
    expect(await resolveScenario({ kind: 'builtin', id: 'no-such' })).toEqual({ ok: false, errors: ['scenario: there is no built-in scenario "no-such"'] });
    expect(await resolveScenario({ kind: 'share', hash: 'scenario=zk-lock' })).toEqual({ ok: false, errors: ['share: the link holds no scenario (no s= in it)'] });
    const bad = await resolveScenario({ kind: 'share', hash: 's=@@@' });
    expect(!bad.ok && bad.errors[0]).toMatch(/^share: the link is corrupted/);
    const obj = await resolveScenario({ kind: 'object', scenario: { version: 1, nodes: 'nope' } });
    expect(!obj.ok && obj.errors[0]).toMatch(/^scenario: /);
    const hostile = await resolveScenario({ kind: 'object', scenario: JSON.parse('{"__proto__":{"x":1}}') });
    expect(!hostile.ok && hostile.errors[0]).toMatch(/__proto__/);
  });
});

describe('loadRequestOf, startTime and posterInfo', () => {
  it('map a dp:load and a document to what the player needs', async () => {
    expect(loadRequestOf({ builtin: 'zk-lock' })).toEqual({ kind: 'builtin', id: 'zk-lock' });
    expect(loadRequestOf({ share: 's=x' })).toEqual({ kind: 'share', hash: 's=x' });
    expect(loadRequestOf({ scenario: { a: 1 } })).toEqual({ kind: 'object', scenario: { a: 1 } });
    const r = await resolveScenario({ kind: 'builtin', id: 'zk-lock' });
    if (!r.ok) throw new Error(r.errors.join());
    expect(startTime(r.doc, null)).toBe(r.doc.scenario.playback.startMs);
    expect(startTime(r.doc, 700)).toBe(700);
    expect(startTime({ ...r.doc, t: 300 }, 700)).toBe(300);
    expect(startTime(r.doc, 1e9)).toBe(r.doc.scenario.playback.untilMs);
    expect(posterInfo(r.doc, { t: 250, speed: 2 })).toEqual({
      loaded: false,
      playing: false,
      time: 250,
      untilMs: r.doc.scenario.playback.untilMs,
      finished: false,
      speed: 2,
      scenario: { id: 'zk-lock', title: zkLock.title },
    });
  });
});
