import { galleryEntry } from '../../testing/gallery';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { buildSimulation } from '../build';
import { play, scenarioOf } from '../../testing/scenario';
import { applyChange } from '../change';
import { builtin } from './index';
import type { Harness } from '../../testing/harness';

const IDS = ['config-watch', 'config-watch-persistent'];
const WATCHERS = ['s1', 's2', 's3'];
/** The link between ZooKeeper and s1. */
const EDGE_S1 = 'zk-s1';

/** The last value each watcher read. */
function lastReads(r: Harness): Record<string, { value: string; version: number }> {
  const out: Record<string, { value: string; version: number }> = {};
  for (const e of r.events('config.read')) out[e.node] = { value: e.value, version: e.version };
  return out;
}

const notifiedPer = (r: Harness, node: string) => r.events('config.notify').filter((e) => e.node === node).length;

describe('watch scenarios are in the library', () => {
  it.each(IDS)('%s: topic watch, notes filled in, the monitor attached, on the canvas', (id) => {
    const b = galleryEntry(id, 'watch', { maxX: 900, maxY: 500 });
    expect(b.scenario.monitors).toEqual(['every-change-notified']);
  });

  it('replays exactly, and seeking back and forth lands on the same world', () => {
    const s = scenarioOf('config-watch');
    const a = buildSimulation(s, { snapshotEvery: 20 });
    const b = buildSimulation(s, { snapshotEvery: 0 });
    a.runUntil(s.playback.untilMs);
    b.runUntil(s.playback.untilMs);
    expect(JSON.stringify(a.trace.slice())).toBe(JSON.stringify(b.trace.slice()));
    const end = a.capture();
    a.seekTime(1500);
    a.seekTime(s.playback.untilMs);
    expect(a.capture()).toEqual(end);
  });
});

describe('watch scenarios teach what they say', () => {
  it('config-watch: v2 lands between each one-shot watch firing and its re-arm, and no event announces it', () => {
    const r = play('config-watch');
    expect(r.violations.map((v) => [v.monitor, v.nodes[0]])).toEqual(WATCHERS.map((w) => ['every-change-notified', w]));
    // The moment v2 is applied on the server, 5 ms after v1 left the admin.
    const v2 = r.events('zk.setData').find((e) => e.version === 2)!;
    for (const v of r.violations) {
      expect(v.t).toBe(v2.t);
      expect(v.t).toBeGreaterThan(1000);
      expect(v.t).toBeLessThan(1050);
      expect(v.message).toMatch(/^s\d was never notified of the change that made \/config\/app version 2: set \d+ ms after its one-shot watch fired, before its re-read re-armed it$/);
    }
    expect(r.metrics['watch.changes']).toBe(4);
    expect(r.metrics['watch.missed']).toBe(3);
    expect(r.metrics['watch.notifications']).toBe(9);
    // Missed events, not a stale state: each re-read returned v2, and everyone ends on v4.
    for (const w of WATCHERS) {
      expect(notifiedPer(r, w)).toBe(3);
      expect(r.events('config.read').filter((e) => e.node === w).map((e) => e.value)).toEqual(['v0', 'v2', 'v3', 'v4']);
    }
  });

  it('config-watch-persistent: the watch stays armed, so both quick changes are notified to everyone', () => {
    const r = play('config-watch-persistent');
    expect(r.violations).toEqual([]);
    expect(r.metrics['watch.changes']).toBe(4);
    expect(r.metrics['watch.missed']).toBeUndefined();
    expect(r.metrics['watch.notifications']).toBe(12);
    for (const w of WATCHERS) {
      const burst = r.events('config.notify').filter((e) => e.node === w && e.t > 1000 && e.t < 1200);
      expect(burst).toHaveLength(2);
      expect(lastReads(r)[w]).toEqual({ value: 'v4', version: 4 });
    }
    // The persistent watch is set once; no read re-arms anything.
    expect(r.events('zk.watch.set').filter((e) => e.kind === 'persistent')).toHaveLength(3);
    expect(r.events('config.read').every((e) => !e.watch)).toBe(true);
  });

  it('config-watch-persistent: a 110 ms blip of s1’s link across both quick changes delays their notifications (TCP), never loses them', () => {
    const changes = play('config-watch-persistent').events('config.change').filter((e) => e.t > 1000 && e.t < 1200);
    expect(changes).toHaveLength(2);
    const from = Math.floor(changes[0].t) - 5;
    const blip: Intervention[] = [
      { at: from, kind: 'partition', edge: EDGE_S1 },
      { at: from + 110, kind: 'heal', edge: EDGE_S1 },
    ];
    const r = play('config-watch-persistent', { interventions: blip });
    expect(r.violations).toEqual([]);
    expect(r.events('net.stall').some((e) => e.from === 'zk' && e.to === 's1')).toBe(true);
    expect(r.events('net.retransmit').some((e) => e.ok && e.from === 'zk' && e.to === 's1')).toBe(true);
    expect(notifiedPer(r, 's1')).toBe(4);
    expect(lastReads(r).s1).toEqual({ value: 'v4', version: 4 });
  });

  it('judged at the client: the same blip on a datagram link loses the notifications, and s1 is left on stale data however the server fared', () => {
    const changes = play('config-watch-persistent').events('config.change').filter((e) => e.t > 1000 && e.t < 1200);
    const from = Math.floor(changes[0].t) - 5;
    const blip: Intervention[] = [
      { at: from, kind: 'partition', edge: EDGE_S1 },
      { at: from + 110, kind: 'heal', edge: EDGE_S1 },
    ];
    const r = play('config-watch-persistent', { interventions: blip, links: { [EDGE_S1]: { transport: 'datagram' } } });
    // The server had a watch armed for every change: only the client-side judgement can see this.
    expect(r.metrics['watch.missed'] ?? 0).toBe(0);
    const v = r.violations.filter((x) => x.monitor === 'every-change-notified');
    // One violation for the episode: the second change is folded into the first one s1 never heard of.
    expect(v.map((x) => x.nodes)).toEqual([['s1']]);
    // v1's event left before the cut; v2's was sent into it.
    expect(v[0].message).toBe("s1 is left on stale data: zookeeper's notification of the change that made /config/app version 2 was dropped by a cut (a datagram link: nothing resends it)");
    expect(r.metrics['watch.undelivered']).toBe(1);
    expect(notifiedPer(r, 's1')).toBe(3);
  });

  it('a cut long enough to break s1’s connection: the reconnect restores its watch (SetWatches), and the read lost with the old connection is sent again', () => {
    const changes = play('config-watch-persistent').events('config.change').filter((e) => e.t > 1000 && e.t < 1200);
    const from = Math.floor(changes[0].t) - 5;
    // Longer than s1's read timeout (2/3 of its 6 s session), shorter than the session.
    const cut: Intervention[] = [
      { at: from, kind: 'partition', edge: EDGE_S1 },
      { at: from + 5000, kind: 'heal', edge: EDGE_S1 },
    ];
    const r = play('config-watch-persistent', { interventions: cut, untilMs: 12000 });
    const back = r.events('zk.client.state').find((e) => e.node === 's1' && e.keeper === 'SyncConnected' && e.t > from + 5000)!.t;
    const restored = r.expectEvent('zk.watch.restored');
    expect(restored.t).toBeGreaterThan(back);
    expect(r.metrics['watch.restored']).toBe(restored.watches);
    expect(r.violations).toEqual([]);
    expect(lastReads(r).s1).toEqual({ value: 'v4', version: 4 });
  });

  it('a restored persistent watch says nothing of the changes made while s1 was away: s1 stays on stale data unless it re-reads after the reconnect; a classic watch is re-fired', () => {
    const plain = play('config-watch-persistent');
    const settled = plain.events('config.read').filter((e) => e.node === 's1' && e.version === 2)[0].t;
    const cut: Intervention[] = [
      { at: settled + 100, kind: 'partition', edge: EDGE_S1 },
      { at: settled + 5100, kind: 'heal', edge: EDGE_S1 },
    ];
    const stale = play('config-watch-persistent', { interventions: cut, untilMs: 12000 });
    expect(stale.expectEvent('zk.watch.restored').fired).toBe(0);
    const v = stale.expectViolation('every-change-notified');
    expect(v.nodes).toEqual(['s1']);
    expect(v.message).toMatch(/^s1 stayed on stale data: zookeeper announced the change that made \/config\/app version 3 at \d+ ms, but it went down with a connection that broke; the reconnect restored s1's persistent watch \(SetWatches\), which re-sends nothing for changes made meanwhile, and s1 did not read \/config\/app again$/);
    expect(lastReads(stale).s1).toEqual({ value: 'v2', version: 2 });
    // What Curator's caches do: read again after every reconnect.
    const reread = play('config-watch-persistent', { interventions: cut, untilMs: 12000, program: { rereadOnReconnect: true }, clients: ['s1'] });
    expect(reread.violations).toEqual([]);
    expect(lastReads(reread).s1).toEqual({ value: 'v4', version: 4 });
    // A classic watch: SetWatches finds the znode changed since s1's last zxid and fires at once.
    const classic = play('config-watch', { interventions: cut, untilMs: 12000 });
    expect(classic.expectEvent('zk.watch.restored').fired).toBe(1);
    expect(classic.violations.filter((x) => x.message.includes('stale data'))).toEqual([]);
    expect(lastReads(classic).s1).toEqual({ value: 'v4', version: 4 });
  });

  it('try this: the 5 s cut of s1 in config-watch-persistent leaves s1 on v2 until it re-reads after reconnecting', () => {
    const item = builtin('config-watch-persistent')!.tryThis.find((t) => t.text.startsWith('Cut s1 off for 5 s'))!;
    const changed = applyChange(scenarioOf('config-watch-persistent'), item.change!);
    const r = play(changed);
    expect(r.expectViolation('every-change-notified').message).toMatch(/^s1 stayed on stale data: .* version 3 .*SetWatches/);
    expect(lastReads(r).s1).toEqual({ value: 'v2', version: 2 });
    const fixed = play(applyChange(changed, { program: { s1: { rereadOnReconnect: true } } }));
    expect(fixed.violations).toEqual([]);
    expect(lastReads(fixed).s1).toEqual({ value: 'v4', version: 4 });
  });

  it('try this: a watcher paused across a notification misses the next change too, unless its watch is persistent', () => {
    const pause: Intervention[] = [{ at: 2505, kind: 'pause', node: 's2', durationMs: 1000 }];
    const one = play('config-watch', { interventions: pause });
    const late = one.violations.filter((v) => v.t > 2900);
    expect(late.map((v) => v.nodes[0])).toEqual(['s2']);
    expect(late[0].message).toMatch(/s2 was never notified of the change that made \/config\/app version 4/);
    expect(lastReads(one).s2).toEqual({ value: 'v4', version: 4 });
    const persistent = play('config-watch-persistent', { interventions: pause });
    expect(persistent.violations).toEqual([]);
    expect(notifiedPer(persistent, 's2')).toBe(4);
  });

  it('try this: re-reading with a watch turns a persistent watch into a one-shot one (ZooKeeper 3.8)', () => {
    const r = play('config-watch-persistent', { program: { rereadWatch: true }, clients: ['s1'] });
    expect(r.violations.map((v) => v.nodes[0])).toEqual(['s1']);
    expect(notifiedPer(r, 's1')).toBe(3);
  });

  it('try this: changes far enough apart are each notified, one-shot or not', () => {
    const changes = [
      { atMs: 1000, value: 'v1' },
      { atMs: 1200, value: 'v2' },
      { atMs: 2500, value: 'v3' },
      { atMs: 3000, value: 'v4' },
    ];
    const r = play('config-watch', { program: { changes }, clients: ['admin'] });
    expect(r.violations).toEqual([]);
    expect(r.metrics['watch.notifications']).toBe(12);
  });
});

describe('watch scenarios, on random seeds, change schedules and pauses', () => {
  const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
  const params = { numRuns: 50 };
  /** 2–5 changes between 500 and 3500 ms, some of them bursts a few ms apart. */
  const schedule = fc
    .array(fc.record({ at: fc.integer({ min: 500, max: 3500 }), gap: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 3 })
    .map((xs) => xs.flatMap((x, i) => [{ atMs: x.at, value: `a${i}` }, ...(x.gap > 20 ? [] : [{ atMs: x.at + x.gap, value: `b${i}` }])]));
  // After the watchers subscribed, and short enough that a client never gives up its connection
  // (its read timeout is 2/3 of 6 s, and it may have heard nothing for 2 s before the pause).
  const pause = fc.record({ at: fc.integer({ min: 600, max: 4000 }), node: fc.constantFrom('s1', 's2', 's3'), durationMs: fc.integer({ min: 1, max: 1500 }) });

  it('config-watch breaks on every seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const r = play('config-watch', { seed: s });
        expect(r.violations.map((v) => v.nodes[0]).sort()).toEqual(WATCHERS);
      }),
      params,
    );
  });

  it('persistent watchers are told every change, whatever the timing; one-shot ones may miss events but end on the latest value', () => {
    fc.assert(
      fc.property(seed, schedule, fc.array(pause, { maxLength: 2 }), (s, changes, pauses) => {
        const interventions: Intervention[] = pauses.map((p) => ({ kind: 'pause', ...p }));
        const v = { seed: s, interventions, untilMs: 9000 };
        const persistent = play('config-watch-persistent', { ...v, program: { changes }, clients: ['admin'] });
        expect(persistent.violations).toEqual([]);
        const last = persistent.events('zk.setData').at(-1)!.version;
        for (const w of WATCHERS) {
          expect(notifiedPer(persistent, w)).toBe(changes.length);
          expect(lastReads(persistent)[w].version).toBe(last);
        }
        const oneShot = play('config-watch', { ...v, program: { changes }, clients: ['admin'] });
        for (const w of WATCHERS) expect(lastReads(oneShot)[w].version).toBe(last);
      }),
      params,
    );
  });
});
