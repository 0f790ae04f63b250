import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from './library';
import { parseScenario } from './parse';
import type { Scenario } from './schema';
import { decodeShareHash, encodeScenario, MAX_ENCODED_CHARS, shareHash } from './share';

const scenarioOf = (i: number): Scenario => {
  const r = parseScenario(LIBRARY[i].scenario);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
};

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
/** A payload holding arbitrary text, compressed the way share links are. */
const payloadOf = (text: string) => base64url(deflateSync(strToU8(text), { level: 9 }));

const errorOf = (hash: string) => {
  const r = decodeShareHash(hash);
  if (!r || r.ok) throw new Error(`expected an error for ${hash.slice(0, 60)}`);
  return r.errors.join('\n');
};

describe('share links', () => {
  it('round-trip every built-in scenario with the cursor time, each well under 2,000 characters', () => {
    LIBRARY.forEach((entry, i) => {
      const s = scenarioOf(i);
      const withEdits: Scenario = {
        ...s,
        seed: s.seed + 7,
        interventions: [...s.interventions, { at: 1500, kind: 'crash', node: s.nodes[0].id }, { at: 2500, kind: 'restart', node: s.nodes[0].id }],
        nodes: s.nodes.map((n, k) => (k === 0 ? { ...n, label: 'edited', position: { x: n.position.x + 33.3, y: n.position.y } } : n)),
      };
      const hash = shareHash(withEdits, 2345.5);
      expect(hash.length, entry.id).toBeLessThan(2000);
      const back = decodeShareHash(`#${hash}`);
      expect(back?.ok, entry.id).toBe(true);
      if (!back?.ok) return;
      expect(back.run.t).toBe(2345.5);
      expect(back.run.scenario.interventions).toEqual(withEdits.interventions);
      expect(back.run.scenario.seed).toBe(withEdits.seed);
      expect(back.run.scenario.nodes[0].position.x).toBe(Math.round(withEdits.nodes[0].position.x));
      expect(back.run.scenario.nodes.slice(1)).toEqual(withEdits.nodes.slice(1));
    });
  });

  it('is not a share link without s=, and keeps t optional', () => {
    expect(decodeShareHash('#scenario=zk-lock')).toBeNull();
    const r = decodeShareHash(`s=${encodeScenario(scenarioOf(0))}`);
    expect(r?.ok && r.run.t).toBeNull();
  });

  it('clamps t to the run and refuses a time that is not a number', () => {
    const s = scenarioOf(0);
    const r = decodeShareHash(`s=${encodeScenario(s)}&t=99999999`);
    expect(r?.ok && r.run.t).toBe(s.playback.untilMs);
    for (const bad of ['NaN', 'Infinity', '-5', '1e9', 'abc', '0x10']) expect(errorOf(`s=${encodeScenario(s)}&t=${bad}`)).toMatch(/^t: expected a time in ms/);
  });

  it('names what is wrong with truncated, corrupted and foreign payloads', () => {
    const good = encodeScenario(scenarioOf(3));
    expect(errorOf(`s=${good.slice(0, good.length >> 1)}`)).toMatch(/truncated or corrupted/);
    expect(errorOf(`s=${good.slice(0, 10)}x${good.slice(11)}`)).toMatch(/truncated or corrupted|not valid|expected|version/);
    expect(errorOf('s=')).toMatch(/empty scenario/);
    expect(errorOf('s=<script>alert(1)</script>')).toMatch(/characters a share link never contains/);
    expect(errorOf(`s=${payloadOf('{"version":1,"seed":1,"nodes":[')}`)).toMatch(/not valid JSON/);
    expect(errorOf(`s=${payloadOf('[1,2,3]')}`)).toBe('(root): expected a scenario object');
    expect(errorOf(`s=${payloadOf('"hello"')}`)).toBe('(root): expected a scenario object');
  });

  it('refuses wrong versions, wrong types, NaN-like numbers and negative times with their path', () => {
    const s = scenarioOf(0) as unknown as Record<string, unknown>;
    expect(errorOf(`s=${payloadOf(JSON.stringify({ ...s, version: 7 }))}`)).toMatch(/^version: 7 is newer/);
    expect(errorOf(`s=${payloadOf(JSON.stringify({ ...s, nodes: 'many' }))}`)).toMatch(/^nodes: expected an array, got a string/);
    expect(errorOf(`s=${payloadOf(JSON.stringify({ ...s, seed: 1 }).replace('"seed":1', '"seed":1e999'))}`)).toMatch(/^seed:/);
    expect(errorOf(`s=${payloadOf(JSON.stringify({ ...s, interventions: [{ at: -1, kind: 'crash', node: 'c1' }] }))}`)).toMatch(/^interventions\[0\]\.at: expected a number >= 0/);
    expect(errorOf(`s=${payloadOf(JSON.stringify({ ...s, playback: { untilMs: 1e999 } }).replace('null', '1e999'))}`)).toMatch(/^playback\.untilMs/);
  });

  it('refuses prototype keys, deep nesting and huge arrays before validating', () => {
    const s = JSON.stringify(scenarioOf(0));
    expect(errorOf(`s=${payloadOf(s.replace('"version":1', '"__proto__":{"polluted":true},"version":1'))}`)).toBe('__proto__: the key "__proto__" is not allowed');
    expect(errorOf(`s=${payloadOf(s.replace('"params":{', '"params":{"constructor":{"prototype":{}},'))}`)).toMatch(/^nodes\[0\]\.params\.constructor: the key "constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(`s=${payloadOf(`{"version":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`)}`)).toMatch(/nested more than \d+ levels deep/);
    expect(errorOf(`s=${payloadOf(`{"version":1,"seed":1,"nodes":[${'0,'.repeat(300_000)}0]}`)}`)).toMatch(/too many values/);
  });

  it('refuses an over-long payload before decompressing, and a decompression bomb while inflating', () => {
    expect(errorOf(`s=${'A'.repeat(MAX_ENCODED_CHARS + 1)}`)).toMatch(/too long/);
    const bomb = base64url(deflateSync(new Uint8Array(12_000_000).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThanOrEqual(MAX_ENCODED_CHARS);
    expect(errorOf(`s=${bomb}`)).toMatch(/too large once decompressed/);
  });

  it('labels with markup survive as plain text', () => {
    const s = scenarioOf(0);
    const label = '<img src=x onerror=alert(1)>';
    const r = decodeShareHash(shareHash({ ...s, nodes: s.nodes.map((n, i) => (i === 0 ? { ...n, label } : n)) }, null));
    expect(r?.ok && r.run.scenario.nodes[0].label).toBe(label);
  });

  it('fuzz: any string after s= gives a result or a message, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 12 }), (payload, t) => {
        const r = decodeShareHash(`s=${encodeURIComponent(payload)}&t=${encodeURIComponent(t)}`);
        expect(r).not.toBeNull();
        if (r && !r.ok) expect(r.errors.every((e) => typeof e === 'string' && e.length > 0 && e.length < 400)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('fuzz: mutated valid payloads and mutated JSON never throw', () => {
    const good = encodeScenario(scenarioOf(8));
    const json = JSON.stringify(scenarioOf(8));
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.constantFrom(...'AZaz09-_'), fc.nat(json.length - 1), fc.nat(40), fc.string({ maxLength: 8 }), (i, ch, j, cut, insert) => {
        const a = decodeShareHash(`s=${good.slice(0, i)}${ch}${good.slice(i + 1)}`);
        expect(a).not.toBeNull();
        const b = decodeShareHash(`s=${payloadOf(json.slice(0, j) + insert + json.slice(j + cut))}`);
        expect(b).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
