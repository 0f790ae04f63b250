import { describe, expect, it } from 'vitest';
import type { Msg } from '../../core/msg';
import type { Ctx } from '../../core/types';
import { zkClientOnMessage, zkClientStart, zkSubmit } from './client';
import type { ZkMsg } from './messages';
import { readTimeoutOf, timeToNextPing, zkClientInit, type ZkClientState } from './state';

/** A hand-driven Ctx: records what the library sends and the timers it sets. */
function fakeCtx(now = 0): Ctx & { sent: Msg[]; timers: number; t: number } {
  const c = {
    sent: [] as Msg[],
    timers: 0,
    t: now,
    get now() {
      return c.t;
    },
    get monotonic() {
      return c.t;
    },
    self: 'c',
    send: (_to: string, m: Msg) => {
      c.sent.push(m);
    },
    reply: (m: Msg) => {
      c.sent.push(m);
    },
    disconnect: () => {},
    setTimer: () => ++c.timers,
    cancelTimer: () => {},
    trace: () => {},
    random: () => 0.5,
    metric: () => {},
    neighbours: () => ['zk'],
    typeOf: () => 'zookeeper',
  };
  return c;
}

function connected(): { s: ZkClientState; ctx: ReturnType<typeof fakeCtx> } {
  const ctx = fakeCtx();
  let s = zkClientStart(zkClientInit({ server: 'zk', sessionTimeoutMs: 6000 }), ctx).state;
  const connect = ctx.sent[0] as ZkMsg & { type: 'zk.connect' };
  expect(connect).toMatchObject({ type: 'zk.connect', sessionId: null, timeoutMs: 6000, lastZxid: 0 });
  ctx.t = 5;
  s = zkClientOnMessage(s, { type: 'zk.connected', conn: connect.conn, sessionId: '0x1', timeoutMs: 6000 } as Msg, 'zk', ctx)!.state;
  ctx.sent.length = 0;
  return { s, ctx };
}

describe('zookeeper client library', () => {
  it('uses the Java client timing: readTimeout 2/3, a ping after readTimeout/2 of send silence', () => {
    expect(readTimeoutOf(6000)).toBe(4000);
    expect(readTimeoutOf(4000)).toBe(2666);
    expect(timeToNextPing(4000, 0)).toBe(2000);
    expect(timeToNextPing(4000, 999)).toBe(1001);
    // Woken by other traffic after a second of send silence, it pings a second early.
    expect(timeToNextPing(4000, 1001)).toBe(-1);
    expect(timeToNextPing(40_000, 10_001)).toBe(0);
  });

  it('answers locally, without sending, for a bad path or a watch it does not hold', () => {
    const { s, ctx } = connected();
    const a = zkSubmit(s, { op: 'create', path: 'no-slash', data: '', kind: 'persistent' }, 't1', ctx);
    // The Java client's IllegalArgumentException, with PathUtils' words (checked against the real client: conformance 31).
    expect(a.out).toEqual([expect.objectContaining({ kind: 'reply', tag: 't1', result: { ok: false, err: 'IllegalArgument', detail: 'Path must start with / character' } })]);
    const b = zkSubmit(a.state, { op: 'removeWatches', path: '/x', type: 'any' }, 't2', ctx);
    expect(b.out).toEqual([expect.objectContaining({ kind: 'reply', tag: 't2', result: { ok: false, err: 'NoWatcher' } })]);
    expect(ctx.sent).toEqual([]);
  });

  it('registers watches from replies and delivers only events that match one', () => {
    const { s, ctx } = connected();
    const r = zkSubmit(s, { op: 'exists', path: '/a', watch: true }, 'x', ctx);
    const req = ctx.sent.at(-1) as ZkMsg & { type: 'zk.request' };
    const reply = zkClientOnMessage(r.state, { type: 'zk.reply', conn: req.conn, xid: req.xid, zxid: 3, result: { ok: true, stat: null } } as Msg, 'zk', ctx)!;
    expect(reply.state.watches.exist).toEqual(['/a']);
    expect(reply.state.lastZxid).toBe(3);
    const stray = zkClientOnMessage(reply.state, { type: 'zk.watch', conn: req.conn, event: { type: 'NodeDataChanged', path: '/b' }, zxid: 4 } as Msg, 'zk', ctx)!;
    expect(stray.out.filter((o) => o.kind === 'event')).toEqual([]);
    const hit = zkClientOnMessage(stray.state, { type: 'zk.watch', conn: req.conn, event: { type: 'NodeCreated', path: '/a' }, zxid: 4 } as Msg, 'zk', ctx)!;
    expect(hit.out.filter((o) => o.kind === 'event')).toEqual([{ kind: 'event', event: { type: 'NodeCreated', path: '/a' } }]);
    expect(hit.state.watches.exist).toEqual([]);
  });

  it('ignores what arrives on a connection it has given up', () => {
    const { s, ctx } = connected();
    const r = zkClientOnMessage(s, { type: 'zk.closed', conn: s.conn - 1, reason: 'old' } as Msg, 'zk', ctx)!;
    expect(r.state.phase).toBe('connected');
    expect(zkClientOnMessage(s, { type: 'redis.reply' } as Msg, 'zk', ctx)).toBeNull();
  });

  it('fails pending requests with ConnectionLoss when the server closes the connection, and queues new ones until it is back', () => {
    const { s, ctx } = connected();
    const a = zkSubmit(s, { op: 'getData', path: '/a', watch: false }, 'pending', ctx);
    const lost = zkClientOnMessage(a.state, { type: 'zk.closed', conn: a.state.conn, reason: 'bye' } as Msg, 'zk', ctx)!;
    expect(lost.out).toContainEqual(expect.objectContaining({ kind: 'reply', tag: 'pending', result: { ok: false, err: 'ConnectionLoss' } }));
    expect(lost.out).toContainEqual(expect.objectContaining({ kind: 'state', keeper: 'Disconnected' }));
    expect(lost.state.phase).toBe('backoff');
    ctx.sent.length = 0;
    const q = zkSubmit(lost.state, { op: 'getData', path: '/b', watch: false }, 'queued', ctx);
    expect(q.state.queued).toHaveLength(1);
    expect(ctx.sent.filter((m) => m.type === 'zk.request')).toEqual([]);
  });

  it('learns Expired only from the server, and then refuses every request', () => {
    const { s, ctx } = connected();
    const lost = zkClientOnMessage(s, { type: 'zk.closed', conn: s.conn, reason: 'x' } as Msg, 'zk', ctx)!.state;
    expect(lost.phase).toBe('backoff');
    ctx.t = 2000;
    const again = zkSubmit(lost, { op: 'sync', path: '/' }, 'wake', ctx); // runs the due reconnect
    expect(again.state.phase).toBe('connecting');
    const c = ctx.sent.filter((m) => m.type === 'zk.connect').at(-1) as ZkMsg & { type: 'zk.connect' };
    expect(c.sessionId).toBe('0x1');
    const ex = zkClientOnMessage(again.state, { type: 'zk.connected', conn: c.conn, sessionId: '0x1', timeoutMs: 0 } as Msg, 'zk', ctx)!;
    expect(ex.out).toContainEqual(expect.objectContaining({ kind: 'state', keeper: 'Expired' }));
    expect(ex.out).toContainEqual(expect.objectContaining({ kind: 'reply', tag: 'wake', result: { ok: false, err: 'SessionExpired' } }));
    const after = zkSubmit(ex.state, { op: 'exists', path: '/', watch: false }, 'late', ctx);
    expect(after.out).toEqual([expect.objectContaining({ result: { ok: false, err: 'SessionExpired' } })]);
  });
});

describe('zookeeper client library purity', () => {
  it('never changes the state it is given', () => {
    const freeze = <T>(v: T): T => {
      if (v && typeof v === 'object' && !Object.isFrozen(v)) {
        Object.freeze(v);
        for (const k of Object.keys(v)) freeze((v as Record<string, unknown>)[k]);
      }
      return v;
    };
    const { s, ctx } = connected();
    const a = zkSubmit(freeze(s), { op: 'getChildren', path: '/', watch: true }, 1, ctx);
    const req = ctx.sent.at(-1) as ZkMsg & { type: 'zk.request' };
    const b = zkClientOnMessage(freeze(a.state), { type: 'zk.reply', conn: req.conn, xid: req.xid, zxid: 9, result: { ok: true, children: [] } } as Msg, 'zk', ctx)!;
    const c = zkClientOnMessage(freeze(b.state), { type: 'zk.watch', conn: req.conn, event: { type: 'NodeChildrenChanged', path: '/' }, zxid: 10 } as Msg, 'zk', ctx)!;
    zkClientOnMessage(freeze(c.state), { type: 'zk.closed', conn: req.conn, reason: 'x' } as Msg, 'zk', ctx);
    expect(c.out).toEqual([{ kind: 'event', event: { type: 'NodeChildrenChanged', path: '/' } }]);
  });
});
