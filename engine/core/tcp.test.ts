import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../testing/harness';
import { testModels } from '../testing/fixtures';
import type { SimSpec } from './simulation';

/** One counter ticking every 100 ms to an echo server over a fixed 10 ms TCP link. */
function pair(params: Record<string, unknown> = {}): SimSpec {
  return {
    seed: 1,
    nodes: [
      { id: 'srv', type: 'echo', params: {} },
      { id: 'c', type: 'counter', params: { peer: 'srv', everyMs: 100 } },
    ],
    links: [{ id: 'l', source: 'c', target: 'srv', params: { latency: { kind: 'fixed', ms: 10 }, ...params } }],
  };
}

describe('TCP links', () => {
  it('a partition delays segments instead of dropping them: retransmitted with a doubling timeout, delivered in order after the heal', () => {
    const h = run(pair(), testModels).at(150).partition('l').at(450).heal('l').runUntil(1000);
    expect(h.events('net.drop')).toHaveLength(0);
    // n=2 (sent at 200) stalls; RTO = 200 ms + the 20 ms round trip, then doubles.
    expect(h.events('net.stall').filter((e) => e.t <= 600).map((e) => [e.t, e.reason, e.rtoMs])).toEqual([
      [200, 'partition', 220],
      [300, 'partition', 220],
      [400, 'partition', 220],
      [500, 'behind', 440],
      [600, 'behind', 440],
    ]);
    expect(h.events('net.retransmit').map((e) => [e.t, e.ok, e.count])).toEqual([
      [420, false, 3],
      [860, true, 7],
    ]);
    const got = h.events('test.got');
    expect(got.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(got.map((e) => e.t)).toEqual([110, 870, 870, 870, 870, 870, 870, 870, 910]);
  });

  it('a lost segment is retransmitted; the sender gives up after tcpRetries failed tries and is told', () => {
    const lossy = run(pair({ tcpRetries: 2 }), testModels).at(0).link('l', { loss: 1 }).runUntil(2000);
    expect(lossy.events('test.got')).toHaveLength(0);
    expect(lossy.events('net.retransmit').filter((e) => e.t < 1640).map((e) => [e.t, e.ok, e.retry])).toEqual([
      [320, false, 1],
      [760, false, 2],
    ]);
    // The third timeout (880 ms after 760): TCP gives up and tells the counter.
    expect(lossy.events('net.closed').slice(0, 1)).toMatchObject([{ t: 1640, node: 'c', peer: 'srv', reason: 'timeout' }]);
  });

  it('a crashed peer process resets the connection at once; a write to it while down is refused', () => {
    const h = run(pair(), testModels).at(150).crash('srv').runUntil(260);
    expect(h.events('net.closed').map((e) => [e.t, e.node, e.reason])).toEqual([
      [160, 'c', 'reset'],
      [220, 'c', 'refused'],
    ]);
  });

  it('segments of a connection the peer has left are refused with a reset; the sender then starts a new one', () => {
    // The crash's reset is lost on the cut link; the restarted server is on a new connection.
    const h = run(pair(), testModels).at(150).partition('l').at(160).crash('srv').at(170).restart('srv').at(450).heal('l').runUntil(1000);
    const resets = h.events('net.drop').filter((e) => e.reason === 'reset');
    expect(resets.map((e) => e.t)).toEqual([870, 870, 870, 870, 870, 870, 870]);
    expect(h.events('net.closed').map((e) => [e.t, e.node, e.reason])).toEqual([[880, 'c', 'reset']]);
    // n=2..8 were on the old connection; n=9 (sent at 900) opens the new one and arrives.
    expect(h.events('test.got').map((e) => [e.t, e.n])).toEqual([
      [110, 1],
      [910, 9],
      [1010, 10],
    ].filter(([t]) => t <= 1000));
  });

  it('a restarted peer opens a new connection: what this end still had to send on the old one is reported reset before the new segment arrives', () => {
    // srv's echo of n=1 is sent into the cut and waits in srv's buffer; c crashes (its reset is
    // lost in the cut) and restarts; its first segment on a new connection reaches srv after the heal.
    const h = run(pair(), testModels).at(105).partition('l').at(120).crash('c').at(130).restart('c').at(140).heal('l').runUntil(400);
    const closed = h.events('net.closed').filter((e) => e.node === 'srv');
    expect(closed.map((e) => [e.peer, e.reason])).toEqual([['c', 'reset']]);
    const first = h.events('net.deliver').find((e) => e.node === 'srv' && e.t > 140)!;
    expect(closed[0].t).toBe(first.t);
    expect(closed[0].i).toBeLessThan(first.i);
    // The echo of n=1 never reaches the new c.
    expect(h.events('net.deliver').filter((e) => e.node === 'c' && e.t > 120 && e.sentAt < 120)).toEqual([]);
  });

  it('property: under partitions and loss that end before TCP gives up, nothing is lost, duplicated or reordered, either way', () => {
    const schedule = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('cut' as const), at: fc.integer({ min: 0, max: 3000 }), forMs: fc.integer({ min: 1, max: 4000 }) }),
        fc.record({ kind: fc.constant('loss' as const), at: fc.integer({ min: 0, max: 3000 }), forMs: fc.integer({ min: 1, max: 2000 }), p: fc.double({ min: 0.05, max: 0.9, noNaN: true }) }),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(schedule, fc.integer({ min: 1, max: 1000 }), (faults, seed) => {
        const spec = { ...pair({ latency: { kind: 'uniform', minMs: 2, maxMs: 30 } }), seed };
        const h = run(spec, testModels);
        for (const f of faults) {
          if (f.kind === 'cut') h.at(f.at).partition('l').at(f.at + f.forMs).heal('l');
          else h.at(f.at).link('l', { loss: f.p }).at(f.at + f.forMs).link('l', { loss: 0 });
        }
        h.runUntil(60_000);
        const got = h.events('test.got').map((e) => e.n);
        const sent = h.events('test.tick').length;
        // Everything sent by 50 s has crossed by 60 s (the longest backoff here is well under 10 s).
        const sentEarly = h.events('test.tick').filter((e) => e.t <= 50_000).length;
        expect(got.slice(0, sentEarly)).toEqual(Array.from({ length: sentEarly }, (_, i) => i + 1));
        expect(got.length).toBeLessThanOrEqual(sent);
        const replies = (h.sim.node('c').state as { replies: number[] }).replies;
        expect(replies).toEqual(got.slice(0, replies.length));
        expect(replies.length).toBeGreaterThanOrEqual(sentEarly);
        expect(h.events('net.drop')).toHaveLength(0);
      }),
      { numRuns: 40 },
    );
  });
});
