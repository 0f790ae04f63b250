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

  it('a message that is not flat is kept as it is, beside flat ones, and truncation drops both', () => {
    const log = new TraceLog(['a', 'b']);
    const nested = { type: 'ping', n: 1, body: { deep: [1, 2] } } as unknown as Msg;
    log.pushDeliver(1, 1, 1, 0, 0, { type: 'ping', n: 0 } as Msg);
    log.pushDeliver(2, 2, 1, 0, 1, nested);
    log.pushDeliver(3, 3, 1, 0, 2, { type: 'pong', n: 2, ok: true } as Msg);
    expect(log.get(1)).toMatchObject({ msg: nested });
    expect(log.get(2)).toMatchObject({ msg: { type: 'pong', n: 2, ok: true } });
    log.truncate(1);
    expect(log.length).toBe(1);
    log.pushDeliver(4, 4, 1, 0, 3, { type: 'ping', n: 9 } as Msg);
    expect(log.slice().map((e) => (e as unknown as { msg: { n: number } }).msg.n)).toEqual([0, 9]);
  });
});
