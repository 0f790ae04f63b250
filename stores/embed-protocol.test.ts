import { inEnglish } from '@/engine/i18n/english';
import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import {
  createOriginGate,
  createThrottle,
  crossedViolations,
  errorMessage,
  playerInfo,
  playerMessage,
  readHostMessage,
  readyMessage,
  shareHashOf,
  stateChanged,
  stateMessage,
  timeMessage,
  violationMessage,
} from './embed-protocol';
import { createPlaybackStore } from './playback-store';

const ok = (data: unknown) => {
  const r = readHostMessage(data);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.msg;
};
const error = (data: unknown) => {
  const r = readHostMessage(data);
  if (r.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r;
};

describe('readHostMessage', () => {
  it('accepts every request of version 1', () => {
    expect(ok({ type: 'dp:hello', v: 1 })).toEqual({ type: 'dp:hello', v: 1 });
    expect(ok({ type: 'dp:play', v: 1, id: 7 })).toEqual({ type: 'dp:play', v: 1, id: 7 });
    expect(ok({ type: 'dp:pause', v: 1, id: 'a' }).type).toBe('dp:pause');
    expect(ok({ type: 'dp:seek', v: 1, t: 1500 })).toEqual({ type: 'dp:seek', v: 1, t: 1500 });
    expect(ok({ type: 'dp:getState', v: 1 }).type).toBe('dp:getState');
    expect(ok({ type: 'dp:load', v: 1, builtin: 'zk-lock', t: 10 })).toEqual({ type: 'dp:load', v: 1, builtin: 'zk-lock', t: 10 });
    expect(ok({ type: 'dp:load', v: 1, share: 'https://x.org/#s=abc&t=5' }).type).toBe('dp:load');
    expect(ok({ type: 'dp:load', v: 1, scenario: { any: 'thing' } }).type).toBe('dp:load');
  });

  it('ignores traffic that is not ours, without a reply', () => {
    for (const data of [null, 'dp:play', 42, [], { type: 'webpackOk' }, { source: 'react-devtools' }, { type: 7 }]) {
      expect(readHostMessage(data), JSON.stringify(data)).toEqual({ kind: 'ignore' });
    }
  });

  it('answers a wrong version, an unknown type or a bad field with a message naming it', () => {
    expect(error({ type: 'dp:play', v: 2, id: 3 })).toEqual({ kind: 'error', id: 3, request: 'dp:play', error: 'v: this player speaks version 1 of the protocol, got 2' });
    expect(error({ type: 'dp:play' }).error).toBe('v: this player speaks version 1 of the protocol, got nothing');
    expect(error({ type: 'dp:jump', v: 1 }).error).toMatch(/^type: unknown message "dp:jump" \(known: dp:hello, dp:load/);
    expect(error({ type: 'dp:seek', v: 1 }).error).toBe('t: expected a number, got nothing');
    expect(error({ type: 'dp:seek', v: 1, t: -1 }).error).toBe('t: expected a number >= 0');
    expect(error({ type: 'dp:seek', v: 1, t: Number.NaN }).error).toBe('t: expected a number, got NaN');
    expect(error({ type: 'dp:seek', v: 1, t: Infinity }).error).toMatch(/^t: /);
    expect(error({ type: 'dp:seek', v: 1, time: 5, t: 5 }).error).toBe('(root): unknown field "time"');
    expect(error({ type: 'dp:load', v: 1, builtin: '../x' }).error).toMatch(/^builtin: expected the id of a built-in scenario/);
  });

  it('needs exactly one source in dp:load', () => {
    expect(error({ type: 'dp:load', v: 1 }).error).toMatch(/exactly one of/);
    expect(error({ type: 'dp:load', v: 1, builtin: 'zk-lock', share: 's=x' }).error).toMatch(/exactly one of/);
  });

  it('refuses hostile shapes before reading them', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(error({ type: 'dp:load', v: 1, scenario: deep }).error).toMatch(/nested more than/);
    const polluted = JSON.parse('{"type":"dp:load","v":1,"scenario":{"__proto__":{"x":1}}}');
    expect(error(polluted).error).toBe('scenario.__proto__: the key "__proto__" is not allowed');
    const cyclic: Record<string, unknown> = { type: 'dp:load', v: 1 };
    cyclic.scenario = cyclic;
    expect(error(cyclic).error).toMatch(/nested more than|too many values/);
  });

  it('echoes a usable request id only', () => {
    expect(error({ type: 'dp:seek', v: 1, id: 'x'.repeat(65) }).id).toBeUndefined();
    expect(error({ type: 'dp:seek', v: 1, id: 'q1' }).id).toBe('q1');
  });
});

describe('shareHashOf', () => {
  it('takes the hash of a link, or the text as it is', () => {
    expect(shareHashOf('https://x.org/#s=abc&t=5')).toBe('s=abc&t=5');
    expect(shareHashOf('#s=abc')).toBe('s=abc');
    expect(shareHashOf('s=abc')).toBe('s=abc');
  });
});

describe('player messages', () => {
  const entry = builtin('redis-lock-expiry')!;
  const parsed = parseScenario(entry.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const store = createPlaybackStore(parsed.scenario, entry);

  it('match the documented schemas', () => {
    const info = playerInfo(store.getState());
    expect(info).toMatchObject({ loaded: true, playing: false, time: 0, finished: false, scenario: { id: 'redis-lock-expiry', title: entry.title } });
    const v = store.getState().timeline.violations[0];
    for (const m of [readyMessage(info), readyMessage(info, 'x'), stateMessage(info, 4), stateMessage(info), timeMessage(1234.56789), violationMessage(v, inEnglish), errorMessage('bad', 1, 'dp:seek'), errorMessage('bad')]) {
      expect(playerMessage.safeParse(m).success, JSON.stringify(m)).toBe(true);
    }
    expect(timeMessage(1234.56789)).toEqual({ type: 'dp:time', v: 1, t: 1234.568 });
    expect(violationMessage(v, inEnglish)).toMatchObject({ type: 'dp:violation', invariant: 'mutual-exclusion', nodes: ['c2', 'c1', 'storage'] });
  });

  it('report a violation once the cursor passes it, not when it moves back', () => {
    const { timeline } = store.getState();
    const v = timeline.violations[0];
    expect(crossedViolations(timeline, 0, v.step)).toEqual([]);
    expect(crossedViolations(timeline, 0, v.step + 1)).toEqual([v]);
    expect(crossedViolations(timeline, v.step, v.step + 1)).toEqual([v]);
    expect(crossedViolations(timeline, v.step + 1, v.step + 50)).toEqual([]);
    expect(crossedViolations(timeline, v.step + 1, 0)).toEqual([]);
  });

  it('count a state change only when something besides the time moved', () => {
    const a = playerInfo(store.getState());
    expect(stateChanged(a, { ...a, time: a.time + 5 })).toBe(false);
    expect(stateChanged(a, { ...a, playing: true })).toBe(true);
    expect(stateChanged(a, { ...a, scenario: { id: null, title: a.scenario.title } })).toBe(true);
  });
});

describe('createThrottle', () => {
  it('lets one event through per gap', () => {
    const th = createThrottle(100);
    expect(th.wait(0)).toBe(0);
    th.sent(0);
    expect(th.wait(30)).toBe(70);
    expect(th.wait(100)).toBe(0);
  });
});

describe('createOriginGate', () => {
  it('without an allowlist, learns the first valid host origin and then sticks to it', () => {
    const g = createOriginGate([]);
    expect(g.target()).toBeNull();
    expect(g.admits('https://docs.example.com')).toBe(true);
    g.learn('https://docs.example.com');
    expect(g.target()).toBe('https://docs.example.com');
    expect(g.admits('https://evil.example')).toBe(false);
    g.learn('https://evil.example');
    expect(g.target()).toBe('https://docs.example.com');
  });

  it('never admits an origin a reply cannot be addressed to', () => {
    const g = createOriginGate([]);
    for (const o of ['null', '*', '', 'file://', 'chrome-extension://abc']) expect(g.admits(o), o).toBe(false);
  });

  it('with an allowlist, admits only its origins and knows the parent up front when listed', () => {
    const g = createOriginGate(['https://a.com', 'https://b.com'], 'https://b.com');
    expect(g.target()).toBe('https://b.com');
    expect(g.admits('https://c.com')).toBe(false);
    expect(g.admits('https://a.com')).toBe(true);
    expect(createOriginGate(['https://a.com'], 'https://evil.example').target()).toBeNull();
    expect(createOriginGate([], 'https://a.com').target()).toBeNull();
  });
});
