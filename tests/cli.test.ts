import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'engine/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run sim', { timeout: 60_000 }, () => {
  it('lists built-in scenarios', () => {
    const r = sim('--list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^redis-basics\s+basics\s+A client writes/m);
  });

  it('prints jsonl with t, type, node and narration on every line', () => {
    const r = sim('redis-basics', '--format', 'jsonl', '--until', '1200');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      expect(typeof l.t).toBe('number');
      expect(typeof l.type).toBe('string');
      expect(typeof l.node).toBe('string');
      expect(l.t).toBeLessThanOrEqual(1200);
    }
    expect(lines.some((l) => l.type === 'redis.exec' && l.reply === 'hello')).toBe(true);
  });

  it('prints a summary, and the seed changes the run', () => {
    const a = JSON.parse(sim('redis-basics', '--seed', '1').stdout);
    expect(a).toMatchObject({ scenario: 'redis-basics', seed: 1, until: 4000, invariants: { ok: true, violations: 0 } });
    expect(a.metrics['redis.commands']).toBe(4);
    const j1 = sim('redis-basics', '--seed', '1', '--format', 'jsonl').stdout;
    const j2 = sim('redis-basics', '--seed', '2', '--format', 'jsonl').stdout;
    expect(j1).not.toBe(j2);
  });

  it('--fail-on-violation exits 1 when an invariant broke, 0 when none did', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'cut.json');
    const scenario = { version: 1, seed: 3, monitors: ['no-lost-messages'], nodes: [
      { id: 'c', type: 'client', params: { program: { kind: 'redis-script', target: 'r', commands: [['PING'], ['PING']], intervalMs: 500 } } },
      { id: 'r', type: 'redis', params: {} },
    ], edges: [{ id: 'e', source: 'c', target: 'r', params: { transport: 'datagram' } }], interventions: [{ at: 100, kind: 'partition', edge: 'e' }] };
    writeFileSync(file, JSON.stringify(scenario));
    const broken = sim(file, '--fail-on-violation');
    expect(broken.status).toBe(1);
    const summary = JSON.parse(broken.stdout);
    expect(summary.invariants).toEqual({ ok: false, violations: 1 });
    expect(summary.violations[0].message).toBe('a message from c to r never arrived: the link is cut');
    writeFileSync(file, JSON.stringify({ ...scenario, interventions: [] }));
    expect(sim(file, '--fail-on-violation').status).toBe(0);
  });

  it('exits 2 with a one-line message for bad arguments and invalid scenarios', () => {
    const bad = sim('redis-basics', '--seed', 'abc');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('sim: --seed: expected an integer from 0 to 4294967295, got "abc"');
    const missing = sim('no-such-thing');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/neither a file nor a built-in scenario/);
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, seed: 1, nodes: [{ id: 'r', type: 'redis', params: { hz: 0 } }] }));
    const invalid = sim(file);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(invalid.stderr).toMatch(/nodes\[0\]\.params\.hz: expected an integer from 1 to 500/);
    expect(invalid.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('runs a share link, and names what is wrong with a broken one', () => {
    const link = readFileSync(join(__dirname, 'corpus/v1/share-links.txt'), 'utf8').split('\n')[0].split(' ')[1];
    const ok = sim(`https://playground.example/#${link}`, '--until', '800');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).scenario).toBe('redis-basics');
    const broken = sim(`https://playground.example/#${link.slice(0, 40)}`);
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim()).toBe('sim: invalid share link: the link is truncated or corrupted: its scenario could not be decompressed');
  });
});
