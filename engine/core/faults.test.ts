import { describe, expect, it } from 'vitest';
import { run } from '../testing/harness';
import { echoSpec, testModels, type CounterState } from '../testing/fixtures';
import type { SimSpec } from './simulation';

/** One counter ticking every 100 ms to an echo server over a fixed 10 ms link (TCP unless asked). */
function pair(extra: Partial<SimSpec> = {}, transport: 'tcp' | 'datagram' = 'tcp'): SimSpec {
  return {
    seed: 1,
    nodes: [
      { id: 'srv', type: 'echo', params: {} },
      { id: 'c', type: 'counter', params: { peer: 'srv', everyMs: 100 } },
    ],
    links: [{ id: 'l', source: 'c', target: 'srv', params: { latency: { kind: 'fixed', ms: 10 }, transport } }],
    ...extra,
  };
}
const datagrams = () => pair({}, 'datagram');
const counterState = (h: ReturnType<typeof run>) => h.sim.node('c').state as CounterState;

describe('faults', () => {
  it('crash loses volatile state, keeps durable state, drops messages and stale timers; restart runs start again', () => {
    const h = run(pair(), testModels).at(350).crash('c').runUntil(349);
    expect(counterState(h)).toMatchObject({ volatile: 3, durable: 3, replies: [1, 2, 3] });
    h.runUntil(1000);
    expect(h.sim.node('c').status).toBe('crashed');
    expect(counterState(h)).toMatchObject({ volatile: 0, durable: 3, replies: [] });
    // No tick after the crash: the timer set before it belongs to a dead incarnation.
    expect(h.events('test.tick').every((e) => e.t < 350)).toBe(true);
    h.at(1000).restart('c').runUntil(1150);
    expect(h.sim.node('c').status).toBe('up');
    expect(h.events('test.tick').filter((e) => e.t > 1000).map((e) => e.count)).toEqual([1]);
    expect(counterState(h).durable).toBe(4);
  });

  it('a node crashed or paused at t = 0 does not start until it is restarted or resumed', () => {
    const crashed = run(pair({ interventions: [{ at: 0, kind: 'crash', node: 'c' }, { at: 500, kind: 'restart', node: 'c' }] }), testModels).runUntil(650);
    expect(crashed.events('node.start', 'c')).toHaveLength(0);
    expect(crashed.events('test.tick').map((e) => e.t)).toEqual([600]);
    const paused = run(pair({ interventions: [{ at: 0, kind: 'pause', node: 'c', durationMs: 500 }] }), testModels).runUntil(650);
    expect(paused.events('node.start', 'c').map((e) => e.t)).toEqual([500]);
    expect(paused.events('test.tick').map((e) => e.t)).toEqual([600]);
  });

  it('messages to a crashed node are dropped', () => {
    const h = run(pair(), testModels).at(105).crash('c').runUntil(300);
    // The tick at 100 sent n=1; its echo arrives at 120, after the crash at 105.
    const drops = h.events('net.drop');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ reason: 'crashed', from: 'srv', to: 'c', t: 120 });
  });

  it('pause holds messages and timers, then handles them in arrival order; the local clock keeps running', () => {
    const h = run(pair(), testModels).at(150).pause('srv', 500).runUntil(2000);
    const got = h.events('test.got', 'srv');
    // n=2..6 arrive at 210..610 while srv is frozen; all are handled at 650, in order.
    expect(got.filter((e) => e.t === 650).map((e) => e.n)).toEqual([2, 3, 4, 5, 6]);
    expect(got.some((e) => e.t > 150 && e.t < 650)).toBe(false);
    expect(got.find((e) => e.n === 2)!.local).toBe(650);
    expect(h.events('fault.resume')[0]).toMatchObject({ t: 650, deferred: 5 });
  });

  it('clock skew shifts what a node reads, not how long its timers take', () => {
    const h = run(pair(), testModels).at(250).skew('c', 5000).runUntil(500);
    const ticks = h.events('test.tick', 'c');
    expect(ticks.map((e) => e.t)).toEqual([100, 200, 300, 400, 500]);
    expect(ticks.map((e) => e.local)).toEqual([100, 200, 5300, 5400, 5500]);
    expect(h.sim.localNow('c')).toBe(5500);
  });

  it('clock drift makes local-time timers fire early in true time', () => {
    const spec = pair();
    spec.nodes[1].drift = 0.25;
    const h = run(spec, testModels).runUntil(400);
    expect(h.events('test.tick', 'c').map((e) => [e.t, e.local])).toEqual([
      [80, 100],
      [160, 200],
      [240, 300],
      [320, 400],
      [400, 500],
    ]);
    // Changing drift mid-run rebases the clock (no jump, new rate from then on). A timer's
    // true duration is fixed when it is set, so the one pending at 150 still fires at 200.
    const later = run(pair(), testModels).at(150).drift('c', 1).runUntil(300);
    expect(later.events('test.tick', 'c').map((e) => [e.t, e.local])).toEqual([
      [100, 100],
      [200, 250],
      [250, 350],
      [300, 450],
    ]);
  });

  it('on a datagram link, a partition drops messages until healed', () => {
    const h = run(datagrams(), testModels).at(150).partition('l').at(450).heal('l').runUntil(650);
    const drops = h.events('net.drop');
    expect(drops.map((d) => [d.t, d.reason])).toEqual([
      [200, 'partition'],
      [300, 'partition'],
      [400, 'partition'],
    ]);
    expect(h.events('test.got').map((e) => e.n)).toEqual([1, 5, 6]);
  });

  it('on a datagram link, loss drops messages half-way; duplication delivers twice', () => {
    const lossy = run(datagrams(), testModels).at(0).link('l', { loss: 1 }).runUntil(300);
    expect(lossy.events('net.drop').map((d) => [d.t, d.reason])).toEqual([
      [105, 'loss'],
      [205, 'loss'],
    ]);
    expect(lossy.events('test.got')).toHaveLength(0);
    const dup = run(datagrams(), testModels).at(0).link('l', { duplicate: 1 }).runUntil(150);
    // srv gets n=1 twice and echoes each copy, which is duplicated again on the way back.
    expect(dup.events('test.got').map((e) => e.n)).toEqual([1, 1]);
    expect(counterState(dup).replies).toEqual([1, 1, 1, 1]);
  });

  it('extra latency delays delivery; FIFO links never reorder', () => {
    const h = run(pair(), testModels).at(0).link('l', { extraLatencyMs: 90 }).runUntil(250);
    expect(h.events('test.got').map((e) => e.t)).toEqual([200]);
    const jittery = run(echoSpec(1, 3, { everyMs: 1, jitter: false }), testModels).runUntil(500);
    const ns = jittery.events('test.got').map((e) => e.n);
    expect(ns.length).toBeGreaterThan(100);
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
  });
});
