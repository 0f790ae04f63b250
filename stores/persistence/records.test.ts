import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { p } from '@/engine/core/phrase';
import { LIBRARY } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { addSave, deleteSave, isSaved, listSaves, loadAutosave, MAX_SAVES, saveAutosave } from './records';

/** A Storage like the browser's, with an optional quota in characters. */
class FakeStorage implements Storage {
  map = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

const scenario = (i = 0): Scenario => {
  const r = parseScenario(LIBRARY[i].scenario);
  if (!r.ok) throw new Error();
  return r.scenario;
};

let store: FakeStorage;
beforeEach(() => {
  store = new FakeStorage();
  (globalThis as { localStorage?: Storage }).localStorage = store;
});
afterEach(() => {
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

describe('autosave record', () => {
  it('round-trips the document, cursor and edited flag', () => {
    expect(loadAutosave()).toEqual({ ok: true, value: null });
    expect(saveAutosave({ t: 1234, entryId: 'redis-basics', edited: true, scenario: scenario() }, 99)).toEqual({ ok: true });
    const r = loadAutosave();
    if (!r.ok || !r.value) throw new Error('expected a record');
    expect(r.value.record).toMatchObject({ t: 1234, entryId: 'redis-basics', edited: true, savedAt: 99 });
    expect(r.value.scenario).toEqual(scenario());
  });

  it('reports damaged data by what is wrong and keeps it aside instead of deleting it', () => {
    store.setItem('dp:autosave:v1', '{"v":1,"savedAt":1,"t":-3,"entryId":null,"edited":true,"scenario":{}}');
    const r = loadAutosave();
    expect(r).toEqual({ ok: false, error: 't: expected a number >= 0' });
    expect(store.getItem('dp:autosave:damaged')).toContain('"t":-3');
    expect(store.getItem('dp:autosave:v1')).toBeNull();
    store.setItem('dp:autosave:v1', '{"v":1,"savedAt":1,"t":0,"entryId":null,"edited":true,"scenario":{"version":1,"seed":1,"nodes":[{"id":"x","type":"mainframe"}]}}');
    expect(loadAutosave()).toMatchObject({ ok: false, error: expect.stringMatching(/^nodes\[0\]\.type: unknown node type "mainframe"/) });
    store.setItem('dp:autosave:v1', '{"__proto__":{"a":1}}');
    expect(loadAutosave()).toEqual({ ok: false, error: '__proto__: the key "__proto__" is not allowed' });
    store.setItem('dp:autosave:v1', '{not json');
    expect(loadAutosave()).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('named saves', () => {
  it('adds, lists newest first, detects duplicates and deletes', () => {
    expect(addSave('first', scenario(0), 0, 1).ok).toBe(true);
    expect(addSave('  second  ', scenario(2), 500, 2).ok).toBe(true);
    const list = listSaves();
    if (!list.ok) throw new Error();
    expect(list.value.map((s) => s.name)).toEqual(['second', 'first']);
    expect(isSaved(scenario(2))).toBe(true);
    expect(isSaved(scenario(1))).toBe(false);
    expect(deleteSave(list.value[0].id)).toEqual({ ok: true });
    expect((listSaves() as { value: unknown[] }).value).toHaveLength(1);
  });

  it('lists a damaged save with its problem (never drops it) and can delete it', () => {
    addSave('good', scenario(0), 0, 1);
    const raw = JSON.parse(store.getItem('dp:saves:v1')!);
    store.setItem('dp:saves:v1', JSON.stringify([...raw, { id: 'x', name: 'bad', savedAt: 5, t: 0, scenario: { version: 1, seed: 'no', nodes: [] } }, 42]));
    const list = listSaves();
    if (!list.ok) throw new Error();
    // A record too damaged to have a name is named by its place, in the reader's language.
    expect(list.value.map((s) => (s.ok ? s.name : [s.name, s.problem]))).toEqual([
      ['bad', 'seed: expected a number, got a string'],
      'good',
      [p('ui.playground.saves-damagedName', { n: 3 }), '(root): expected an object, got a number'],
    ]);
    const damaged = list.value.find((s) => typeof s.name !== 'string')!;
    expect(deleteSave(damaged.id)).toEqual({ ok: true });
    expect((listSaves() as { value: unknown[] }).value).toHaveLength(2);
  });

  it('says why when storage is full or the list is at its limit', () => {
    (globalThis as { localStorage?: Storage }).localStorage = new FakeStorage(100);
    expect(addSave('big', scenario(0), 0, 1)).toEqual({ ok: false, error: 'local storage is full: delete a saved scenario or export it to a file' });
    (globalThis as { localStorage?: Storage }).localStorage = store;
    store.setItem('dp:saves:v1', JSON.stringify(Array.from({ length: MAX_SAVES }, (_, i) => ({ id: `s${i}`, name: 'n', savedAt: i, t: 0, scenario: {} }))));
    expect(addSave('one more', scenario(0), 0, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/the most this browser keeps/) });
  });

  it('works, saying so, where there is no storage at all', () => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
    expect(loadAutosave()).toEqual({ ok: true, value: null });
    expect(addSave('x', scenario(0), 0, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/no local storage/) });
  });
});

describe('openDocument', () => {
  it('keeps edited work as a named save before opening, once; unedited work is simply replaced', async () => {
    const { createPlaybackStore } = await import('../playback-store');
    const { openDocument } = await import('./documents');
    const playback = createPlaybackStore(scenario(0));
    expect(await openDocument(playback, scenario(2), { now: 1 })).toEqual({ ok: true, kept: undefined });
    expect((listSaves() as { value: unknown[] }).value).toHaveLength(0);

    playback.getState().intervene({ kind: 'crash', node: playback.getState().scenario.nodes[0].id });
    expect(playback.getState().edited).toBe(true);
    const edited = playback.getState().scenario;
    const r = await openDocument(playback, scenario(0), { now: 2, t: 700 });
    expect(r).toMatchObject({ ok: true, kept: expect.stringContaining('(unsaved work') });
    expect(playback.getState().time).toBe(700);
    expect(playback.getState().edited).toBe(false);
    const list = listSaves();
    expect(list.ok && list.value[0].ok && list.value[0].scenario).toEqual(edited);

  });

  it('opens nothing when the edited work cannot be kept', async () => {
    const { createPlaybackStore } = await import('../playback-store');
    const { openDocument } = await import('./documents');
    const playback = createPlaybackStore(scenario(0));
    playback.getState().intervene({ kind: 'crash', node: playback.getState().scenario.nodes[0].id });
    (globalThis as { localStorage?: Storage }).localStorage = new FakeStorage(10);
    const r = await openDocument(playback, scenario(2), { now: 1 });
    expect(r).toMatchObject({ ok: false, errors: [expect.stringMatching(/could not be kept, so nothing was opened: local storage is full/)] });
    expect(playback.getState().scenario.title).toBe(scenario(0).title);
  });
});
