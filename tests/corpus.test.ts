import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '@/engine/scenario/build';
import { parseScenarioJson } from '@/engine/scenario/parse';
import { decodeShareHash } from '@/engine/scenario/share';

/**
 * Scenarios and share links saved by every released version of the format. They are frozen:
 * a change that stops one loading breaks somebody's saved work or a link in somebody's docs.
 * Add a folder per new version (from the version's built-ins and a minimal hand-written one).
 */
const CORPUS = join(__dirname, 'corpus');
const versions = readdirSync(CORPUS).filter((d) => /^v\d+$/.test(d));

describe('saved-scenario corpus', () => {
  it('has a folder for every released version', () => {
    expect(versions).toContain('v1');
  });

  for (const v of versions) {
    const dir = join(CORPUS, v);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      it(`${v}/${file} still loads and runs`, () => {
        const r = parseScenarioJson(readFileSync(join(dir, file), 'utf8'));
        if (!r.ok) throw new Error(r.errors.join('\n'));
        const sim = buildSimulation(r.scenario);
        sim.runUntil(Math.min(r.scenario.playback.untilMs, 2000));
        expect(sim.steps).toBeGreaterThan(0);
      });
    }
    const links = join(dir, 'share-links.txt');
    it(`${v} share links still open`, () => {
      const lines = readFileSync(links, 'utf8').trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const [id, hash] = line.split(' ');
        const r = decodeShareHash(hash);
        expect(r?.ok, `${id}: ${r && !r.ok ? r.errors.join('; ') : ''}`).toBe(true);
        if (r?.ok) expect(r.run.t).toBe(1000);
      }
    });
  }
});
