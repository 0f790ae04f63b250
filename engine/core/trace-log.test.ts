import { describe, expect, it } from 'vitest';
import { TraceLog } from './trace-log';
import type { Msg } from './msg';

describe('TraceLog: compact columns read back exactly', () => {
  it('steps far apart within a chunk (past 16 bits) and across chunks', () => {
    const log = new TraceLog(['a', 'b']);
    const steps = [5, 6, 6, 70_000, 70_001, 200_000, 4_000_000_000];
    steps.forEach((s, i) => log.push(i, s, 0, 'fault.crash' as never, { k: i }));
    // A second chunk: 16,384 records per chunk.
    for (let i = steps.length; i < 20_000; i++) log.pushDeliver(i, 4_000_000_000 + i, 1, 0, i - 1, { type: 'ping', n: i } as Msg);
    expect(steps.map((_, i) => log.stepAt(i))).toEqual(steps);
    expect(log.stepAt(19_999)).toBe(4_000_019_999);
    expect(log.get(19_999)).toMatchObject({ type: 'net.deliver', node: 'b', from: 'a', sentAt: 19_998, msg: { type: 'ping', n: 19_999 } });
    expect(log.firstIndexOfStep(70_000)).toBe(3);
  });

  it('a nested message, beside flat ones and an object kept as it is; truncation drops all three', () => {
    const log = new TraceLog(['a', 'b']);
    const nested = { type: 'ping', n: 1, body: { deep: [1, 2] } } as unknown as Msg;
    const holey = { type: 'ping', n: 3, body: [, 1] } as unknown as Msg;
    log.pushDeliver(1, 1, 1, 0, 0, { type: 'ping', n: 0 } as Msg);
    log.pushDeliver(2, 2, 1, 0, 1, nested);
    log.pushDeliver(3, 3, 1, 0, 2, { type: 'pong', n: 2, ok: true } as Msg);
    log.pushDeliver(4, 4, 1, 0, 2, holey);
    expect(log.get(1)).toMatchObject({ msg: nested });
    expect(log.get(2)).toMatchObject({ msg: { type: 'pong', n: 2, ok: true } });
    expect((log.get(3) as unknown as { msg: Msg }).msg).toBe(holey);
    log.truncate(1);
    expect(log.length).toBe(1);
    log.pushDeliver(5, 5, 1, 0, 3, { type: 'ping', n: 9 } as Msg);
    expect(log.slice().map((e) => (e as unknown as { msg: { n: number } }).msg.n)).toEqual([0, 9]);
  });

  it('a nested message delivered to many nodes is stored once, and truncating past its first delivery keeps later ones right', () => {
    const log = new TraceLog(['p', 'r0', 'r1', 'r2']);
    const batch = (n: number) => ({ type: 'repl', batch: { offset: n, argv: ['SET', 'k', `${n}`], ops: [{ key: 'k', entry: { v: n } }] } }) as unknown as Msg;
    const a = batch(1);
    const b = batch(2);
    log.pushDeliver(1, 1, 1, 0, 0, a);
    const one = (log as unknown as { vals: { n: number } }).vals.n;
    log.pushDeliver(2, 2, 2, 0, 0, a);
    log.pushDeliver(3, 3, 3, 0, 0, a);
    // The later deliveries of `a` added no values.
    expect((log as unknown as { vals: { n: number } }).vals.n).toBe(one);
    log.push(3.5, 3, 0, 'redis.exec' as never, { client: 'c', argv: ['GET', 'k'], reply: null } as never);
    log.pushDeliver(4, 4, 1, 0, 1, b);
    log.pushDeliver(5, 5, 2, 0, 1, b);
    expect(log.slice().map((e) => (e.type === 'net.deliver' ? (e.msg as unknown as { batch: { offset: number } }).batch.offset : -1))).toEqual([1, 1, 1, -1, 2, 2]);
    expect(log.get(3)).toMatchObject({ client: 'c', argv: ['GET', 'k'], reply: null });
    // Cut after a shared delivery: `a`'s values stay, the event's and `b`'s go.
    log.truncate(3);
    log.pushDeliver(6, 6, 3, 0, 2, b);
    log.pushDeliver(7, 7, 1, 0, 2, a);
    expect(log.slice().map((e) => (e.type === 'net.deliver' ? (e.msg as unknown as { batch: { offset: number; argv: string[] } }).batch.argv[2] : ''))).toEqual(['1', '1', '1', '2', '1']);
  });

  it('send times with no event at that time, or far back, and value offsets past 16 bits read back exactly', () => {
    const log = new TraceLog(['a', 'b']);
    const big = (n: number) => ({ type: 'bulk', argv: Array.from({ length: n }, (_, k) => `s${k % 7}`) }) as unknown as Msg;
    const batch = { type: 'repl', batch: { offset: 1, argv: ['SET', 'k', 'v'] } } as unknown as Msg;
    log.push(0, 0, 0, 'fault.crash' as never, { k: 0 });
    // Sent at -0 (not the +0 of event 0), at a time no event has, and at event 0's time.
    log.pushDeliver(1, 1, 1, 0, -0, { type: 'ping', n: 1 } as Msg);
    log.pushDeliver(2, 2, 1, 0, 0.5, batch);
    log.pushDeliver(3, 3, 1, 0, 0, big(70_000));
    for (let i = 4; i < 70_000; i++) log.pushDeliver(i, i, 1, 0, i - 1, { type: 'ping', n: i } as Msg);
    // The same nested message again, 70,000 events after it was stored.
    log.pushDeliver(70_000, 70_000, 0, 1, 2, batch);
    const sent = [1, 2, 3, 4, 69_999, 70_000].map((i) => (log.get(i) as unknown as { sentAt: number }).sentAt);
    expect(sent.map((x) => Object.is(x, -0))).toEqual([true, false, false, false, false, false]);
    expect(sent).toEqual([-0, 0.5, 0, 3, 69_998, 2]);
    expect(log.get(3)).toMatchObject({ msg: big(70_000) });
    expect(log.get(69_999)).toMatchObject({ msg: { type: 'ping', n: 69_999 } });
    expect(log.get(70_000)).toMatchObject({ node: 'a', from: 'b', msg: batch });
    log.truncate(4);
    log.pushDeliver(4, 4, 1, 0, 3, { type: 'ping', n: 40 } as Msg);
    expect(log.slice(3).map((e) => (e as unknown as { msg: { n?: number } }).msg.n)).toEqual([undefined, 40]);
  });

  it("a sender's event index that does not name an event at the send time is checked, not trusted", () => {
    const log = new TraceLog(['a', 'b']);
    log.push(0, 0, 0, 'fault.crash' as never, { k: 0 });
    log.push(1, 1, 0, 'fault.crash' as never, { k: 1 });
    log.push(1, 1, 0, 'fault.crash' as never, { k: 2 });
    const ping = (n: number) => ({ type: 'ping', n }) as Msg;
    // Right (event 2 is at 1), at another time (event 0), not yet recorded (itself, then past the end), and none.
    log.pushDeliver(2, 2, 1, 0, 1, ping(3), 2);
    log.pushDeliver(2, 2, 1, 0, 1, ping(4), 0);
    log.pushDeliver(2, 2, 1, 0, 2, ping(5), 5);
    log.pushDeliver(3, 3, 1, 0, 2, ping(6), 99);
    log.pushDeliver(4, 4, 1, 0, 0.5, ping(7), 1);
    const sent = (i: number) => (log.get(i) as unknown as { sentAt: number }).sentAt;
    expect([3, 4, 5, 6, 7].map(sent)).toEqual([1, 1, 2, 2, 0.5]);
    // A truncated branch: event 3's index now names an event at another time.
    log.truncate(3);
    log.push(5, 5, 0, 'fault.crash' as never, { k: 3 });
    log.pushDeliver(6, 6, 1, 0, 1, ping(8), 3);
    expect(sent(4)).toBe(1);
    expect(log.get(4)).toMatchObject({ msg: { n: 8 } });
  });
});
