import { describe, expect, test } from 'vitest';
import { play, scenarioOf } from '../testing/scenario';
import { MsgEnd, readSequence } from './sequence';

describe('readSequence', () => {
  test('one arrow per delivery, from its send to its arrival; a pause is a shaded span', () => {
    const h = play('gc-pause-fencing');
    const tr = h.sim.trace;
    const d = readSequence(tr, h.sim.nodeIds);
    const deliveries = h.events('net.deliver');
    expect(d.messages.filter((m) => m.kind === MsgEnd.Delivered)).toHaveLength(deliveries.length);
    const first = d.messages[0];
    expect(first.end).toBe(deliveries[0].t);
    expect(first.sent).toBe((deliveries[0] as { sentAt: number }).sentAt);
    const c1 = h.sim.nodeIds.indexOf('c1');
    expect(d.spans).toEqual([{ node: c1, from: 300, to: 3300, kind: 'pause' }]);
    expect(d.marks.some((m) => m.type === 'invariant.violation')).toBe(true);
    expect(d.marks.some((m) => m.type === 'net.deliver' || m.type === 'timer.fire')).toBe(false);
  });

  test('a segment held back by TCP shows how long it waited; read in pieces equals read at once', () => {
    const expiry = play('zk-lock').expectEvent('zk.session.expired').t;
    const cut = [{ at: expiry - 100, kind: 'partition' as const, edge: 'c2-zk' }, { at: expiry + 200, kind: 'heal' as const, edge: 'c2-zk' }];
    const h = play('zk-lock', { seed: 7, interventions: [...scenarioOf('zk-lock').interventions, ...cut], untilMs: 20000 });
    const d = readSequence(h.sim.trace, h.sim.nodeIds);
    const held = d.messages.filter((m) => m.stalled > 0);
    expect(held.length).toBeGreaterThan(0);
    for (const m of held) expect(m.stalled).toBeGreaterThanOrEqual(200);
    // Lost to a crashed node: refused, ending at the node that was down.
    expect(d.messages.some((m) => m.kind === MsgEnd.Refused)).toBe(true);

    const h2 = play('zk-lock', { seed: 7, interventions: [...scenarioOf('zk-lock').interventions, ...cut], untilMs: 20000 });
    const whole = readSequence(h2.sim.trace, h2.sim.nodeIds);
    const f = play('zk-lock', { seed: 7, interventions: [...scenarioOf('zk-lock').interventions, ...cut], untilMs: 3000 });
    const part = readSequence(f.sim.trace, f.sim.nodeIds);
    f.runUntil(20000);
    const rest = readSequence(f.sim.trace, f.sim.nodeIds, part);
    expect(rest.messages).toEqual(whole.messages);
    expect(rest.spans).toEqual(whole.spans);
    expect(rest.marks).toEqual(whole.marks);
  });
});
