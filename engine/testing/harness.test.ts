import { describe, expect, it } from 'vitest';
import { echoSpec, testModels } from './fixtures';
import { run } from './harness';
import { fromScenario, play, scenarioOf } from './scenario';

describe('harness expectations', () => {
  const h = run(echoSpec(1, 7, { everyMs: 100, jitter: false }), testModels).runUntil(450);

  it('finds an event by a deep partial of its fields, node and time', () => {
    const ev = h.expectEvent('test.tick', { node: 'c0', count: 3 });
    expect(ev.t).toBe(300);
    expect(h.find('test.tick', { count: 3, t: 301 })).toEqual([]);
    expect(h.expectEvent('net.deliver', { node: 'srv', msg: { n: 2 } }).from).toBe('c0');
  });

  it('names the nearest misses when nothing matches', () => {
    expect(() => h.expectEvent('test.tick', { node: 'c0', count: 9 })).toThrow(/4 test\.tick event\(s\), none matching; closest:\n {2}#\d+ t=100 test\.tick at c0 \{count: 1\} \(differs in count\)/);
    expect(() => h.expectEvent('fault.crash')).toThrow(/no fault\.crash event was recorded \(recorded: .*net\.deliver.*test\.tick/);
  });

  it('expectNoEvent passes when nothing matches and names the first offender otherwise', () => {
    expect(h.expectNoEvent('test.tick', { count: 5 })).toBe(h);
    expect(() => h.expectNoEvent('test.tick', { node: 'c0' })).toThrow(/expected no test\.tick .* but 4 happened; first: #\d+ t=100 test\.tick at c0/);
  });

  it('runToEnd needs a scenario', () => {
    expect(() => run(echoSpec(1), testModels).runToEnd()).toThrow(/not made from a scenario/);
  });
});

describe('runs of built-in scenarios', () => {
  it('expectViolation returns the violation; expectNoViolation quotes it', () => {
    const r = play('redis-lock-unsafe-del');
    expect(r.expectViolation('mutual-exclusion').nodes.length).toBeGreaterThanOrEqual(2);
    expect(() => r.expectNoViolation()).toThrow(/expected no violation, but \d+ happened:\n {2}t=[\d.]+ mutual-exclusion: /);
    expect(() => r.expectViolation('single-charge')).toThrow(/expected a single-charge violation .* violations seen:\n {2}t=[\d.]+ mutual-exclusion/);
  });

  it('a fault scheduled with at() changes the run, as a click in the player would', () => {
    const plain = fromScenario('zk-basics').runToEnd();
    const crashed = fromScenario('zk-basics').at(500).crash('zk').runToEnd();
    crashed.expectEvent('fault.crash', { node: 'zk', t: 500 });
    plain.expectNoEvent('fault.crash', { node: 'zk', t: 500 });
    expect(crashed.sim.trace.length).not.toBe(plain.sim.trace.length);
  });

  it('stateOf and programOf are typed by kind and refuse the wrong kind', () => {
    const r = play('redis-lock-polling');
    expect(Object.keys(r.stateOf('redis', 'redis').data.keys)).toBeDefined();
    expect(r.programOf('c1', 'redis-lock').p.kind).toBe('redis-lock');
    expect(() => r.stateOf('redis', 'zookeeper')).toThrow('stateOf: node redis is a redis, not a zookeeper');
    expect(() => r.programOf('c1', 'zk-lock')).toThrow('programOf: client c1 runs redis-lock, not zk-lock');
  });

  it('a variant is validated again, naming what is wrong', () => {
    expect(() => scenarioOf('nope')).toThrow('no built-in scenario nope');
    expect(() => scenarioOf('redis-lock-polling', { params: { redis: { hz: -1 } } })).toThrow(/built-in redis-lock-polling with its variant is not a valid scenario: .*hz/);
    expect(() => fromScenario({ version: 1 })).toThrow(/the scenario given is not a valid scenario/);
  });
});
