import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { scenarioOf, fromScenario } from '../../testing/scenario';

/** When zk-basics' sessions expire, with extra faults on top of its own (the worker's crash). */
function expiries(extra: Intervention[] = []): number[] {
  const own = scenarioOf('zk-basics').interventions;
  return fromScenario('zk-basics', { interventions: [...own, ...extra] })
    .runUntil(12_000)
    .events('zk.session.expired')
    .map((e) => e.t);
}

describe('ZooKeeper times sessions on the monotonic clock', () => {
  it('the crashed worker’s session expires at the first tick after its timeout', () => {
    expect(expiries()).toEqual([8000]);
  });

  it('a wall-clock step on the server changes nothing about session expiry', () => {
    expect(expiries([{ at: 2000, kind: 'skew', node: 'zk', deltaMs: 60_000 }])).toEqual([8000]);
    expect(expiries([{ at: 2000, kind: 'skew', node: 'zk', deltaMs: -60_000 }])).toEqual([8000]);
  });

  it('a fast server crystal (drift) does expire the session early in true time', () => {
    const e = expiries([{ at: 0, kind: 'drift', node: 'zk', drift: 0.25 }]);
    expect(e).toHaveLength(1);
    expect(e[0]).toBeLessThan(8000);
  });
});
