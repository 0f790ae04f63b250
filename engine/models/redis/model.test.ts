import { describe, expect, it } from 'vitest';
import { narrateEn } from '../../testing/english';
import { run } from '../../testing/harness';
import type { RedisState } from './state';
import { redisModel } from './model';
import { redisParams } from './params';
import { linked } from '../../testing/peer';
import { pushesOf, REDIS_MODELS, redisClient, repliesOf, type RedisStep } from '../../testing/redis';

const client = redisClient;
const redis = (id: string, params: Record<string, unknown> = {}, skewMs?: number) => ({ id, type: 'redis', params: redisParams.parse(params), skewMs });

const stateOf = (h: ReturnType<typeof run>, id: string) => h.sim.node(id).state as RedisState;
const replies = repliesOf;

describe('redis node: active expiry', () => {
  it('removes an untouched key at the first hz tick after its deadline', () => {
    // The SET arrives at t=5 (5 ms link): deadline 255, so the 10 Hz cycle removes it at 300.
    const h = run(linked([client('c', 'r', [{ at: 0, argv: ['SET', 'k', 'v', 'PX', '250'] }]), redis('r')], [['c', 'r']]), REDIS_MODELS);
    h.runUntil(299);
    expect(stateOf(h, 'r').data.keys.k).toBeDefined();
    h.runUntil(300);
    expect(stateOf(h, 'r').data.keys.k).toBeUndefined();
    const ev = h.events('redis.expire');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ t: 300, keys: ['k'], how: 'active' });
    // Nothing else ticks: one timer for the one deadline.
    expect(h.events('timer.fire', 'r')).toHaveLength(1);
  });

  it('uses the server clock: a forward jump expires a lock early, so a second SET NX wins', () => {
    const h = run(
      linked(
        [
          client('a', 'r', [{ at: 0, argv: ['SET', 'lock', 'A', 'NX', 'PX', '3000'] }]),
          client('b', 'r', [
            { at: 1000, argv: ['SET', 'lock', 'B', 'NX', 'PX', '3000'] },
            { at: 1500, argv: ['SET', 'lock', 'B', 'NX', 'PX', '3000'] },
          ]),
          redis('r'),
        ],
        [
          ['a', 'r'],
          ['b', 'r'],
        ],
      ),
      REDIS_MODELS,
    );
    h.at(1200).skew('r', 2000).runUntil(2000);
    expect(replies(h, 'b')[0].reply).toBeNull();
    expect(replies(h, 'b')[1].reply).toBe('OK');
    expect(h.events('redis.expire', 'r')[0]).toMatchObject({ keys: ['lock'] });
  });

  it('a forward clock jump re-arms the cycle: keys it made due go at the next tick, untouched', () => {
    // SET at t=5 with deadline 5005 on r's clock; at t=1000 the clock jumps +5000 to read 6000,
    // a tick boundary, so the re-armed cycle runs at once instead of at the old tick (5100).
    const h = run(linked([client('c', 'r', [{ at: 0, argv: ['SET', 'k', 'v', 'PX', '5000'] }]), redis('r')], [['c', 'r']]), REDIS_MODELS);
    h.at(1000).skew('r', 5000).runUntil(999);
    expect(stateOf(h, 'r').data.keys.k).toBeDefined();
    h.runUntil(1000);
    expect(stateOf(h, 'r').data.keys.k).toBeUndefined();
    expect(h.events('redis.expire', 'r')[0]).toMatchObject({ t: 1000, keys: ['k'], how: 'active' });
  });

  it('a clock that runs behind keeps keys past their true-time deadline', () => {
    const h = run(
      linked([client('c', 'r', [{ at: 0, argv: ['SET', 'k', 'v', 'PX', '1000'] }, { at: 1500, argv: ['GET', 'k'] }, { at: 2500, argv: ['GET', 'k'] }]), redis('r')], [['c', 'r']]),
      REDIS_MODELS,
    );
    h.at(500).skew('r', -1000).runUntil(3000);
    const r = replies(h, 'c');
    expect(r[1].reply).toBe('v');
    expect(r[2].reply).toBeNull();
  });

  it('traces the expiry a command triggers before the command itself', () => {
    // The first lock's deadline is 105 (its SET arrives at 5); the second SET NX arrives at 155,
    // before the 10 Hz tick at 200, so it finds the old lock past its TTL on access.
    const h = run(
      linked([client('c', 'r', [{ at: 0, argv: ['SET', 'lock', 'A', 'NX', 'PX', '100'] }, { at: 150, argv: ['SET', 'lock', 'B', 'NX', 'PX', '100'] }]), redis('r')], [['c', 'r']]),
      REDIS_MODELS,
    );
    h.runUntil(160);
    const order = h.events(undefined, 'r').filter((e) => e.type === 'redis.exec' || e.type === 'redis.expire').map((e) => e.type);
    expect(order).toEqual(['redis.exec', 'redis.expire', 'redis.exec']);
    expect(h.events('redis.expire', 'r')[0]).toMatchObject({ t: 155, keys: ['lock'], how: 'passive' });
    expect(replies(h, 'c')[1].reply).toBe('OK');
    expect(stateOf(h, 'r').data.keys.lock).toMatchObject({ value: 'B' });
  });
});

describe('redis node: pub/sub', () => {
  it('pushes published messages to subscribed client nodes', () => {
    const h = run(
      linked(
        [
          client('sub', 'r', [{ at: 0, argv: ['SUBSCRIBE', 'ch'] }]),
          client('pub', 'r', [{ at: 50, argv: ['PUBLISH', 'ch', 'hello'] }, { at: 60, argv: ['PUBLISH', 'other', 'x'] }]),
          redis('r'),
        ],
        [
          ['sub', 'r'],
          ['pub', 'r'],
        ],
      ),
      REDIS_MODELS,
    );
    h.runUntil(200);
    expect(replies(h, 'pub')[0].reply).toBe(1);
    expect(replies(h, 'pub')[1].reply).toBe(0);
    expect(pushesOf(h, 'sub')).toEqual([{ at: 60, from: 'r', channel: 'ch', message: 'hello' }]);
  });
});

describe('redis node: subscribed mode', () => {
  it('binds a client connection that subscribed, but never the client pool', () => {
    const h = run(
      linked(
        [
          client('c', 'r', [
            { at: 0, argv: ['SUBSCRIBE', 'ch'], conn: 'sub' },
            { at: 10, argv: ['GET', 'k'], conn: 'sub' },
            { at: 10, argv: ['PING', 'x'], conn: 'sub' },
            { at: 10, argv: ['GET', 'k'], conn: 'cmd' },
            { at: 10, argv: ['SUBSCRIBE', 'ch'] },
            { at: 20, argv: ['GET', 'k'] },
            { at: 20, argv: ['PING'] },
            { at: 30, argv: ['PUBLISH', 'ch', 'hi'], conn: 'cmd' },
          ]),
          redis('r'),
        ],
        [['c', 'r']],
      ),
      REDIS_MODELS,
    );
    h.runUntil(100);
    const r = replies(h, 'c');
    expect(r[1].reply).toEqual({ error: "ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context" });
    expect(r[2].reply).toEqual(['pong', 'x']);
    expect(r[3].reply).toBeNull();
    // The pool subscribed too, and still runs commands (its Pub/Sub has a connection of its own).
    expect(r[4].reply).toEqual(['subscribe', 'ch', 1]);
    expect(r[5].reply).toBeNull();
    expect(r[6].reply).toBe('PONG');
    // Two subscribers on one node: the message comes once per connection, saying which.
    expect(r[7].reply).toBe(2);
    expect(pushesOf(h, 'c').map((p) => p.conn ?? 'pool')).toEqual(['sub', 'pool']);
  });
});

/** A primary with a lagging link to a replica that promotes itself, and a client on each. */
function failover(stepsP: RedisStep[], stepsR: RedisStep[], primary: Record<string, unknown> = {}) {
  return run(
    linked(
      [
        client('cp', 'p', stepsP),
        client('cr', 'r', stepsR),
        redis('p', { replicationLagMs: 200, replPingMs: 100, ...primary }),
        redis('r', { replicaOf: 'p', promoteOnPrimaryDownMs: 500 }),
      ],
      [
        ['cp', 'p'],
        ['cr', 'r'],
        ['p', 'r'],
      ],
    ),
    REDIS_MODELS,
  );
}

describe('redis node: replication', () => {
  it('replicates writes after the lag and refuses writes on the replica', () => {
    const h = failover(
      [{ at: 50, argv: ['SET', 'a', '1'] }],
      [
        { at: 100, argv: ['GET', 'a'] },
        { at: 300, argv: ['GET', 'a'] },
        { at: 300, argv: ['SET', 'x', '1'] },
      ],
    );
    h.runUntil(400);
    const r = replies(h, 'cr');
    expect(r[0].reply).toBeNull(); // written at 55, still waiting out the 200 ms lag
    expect(r[1].reply).toBe('1');
    expect(r[2].reply).toEqual({ error: "READONLY You can't write against a read only replica." });
    expect(h.events('redis.replicate', 'p')[0]).toMatchObject({ t: 255, offset: 1, to: ['r'], argv: ['SET', 'a', '1'] });
    expect(stateOf(h, 'r').repl.offset).toBe(1);
  });

  it('a replica never expires keys itself: it reads them as gone and waits for the DEL', () => {
    const h = failover([{ at: 0, argv: ['SET', 'k', 'v', 'PX', '100'] }], [{ at: 400, argv: ['GET', 'k'] }], { replicationLagMs: 0 });
    // Deadline 105 on the primary; its cycle deletes k at 200, the DEL reaches r at 205.
    h.runUntil(150);
    expect(stateOf(h, 'r').data.keys.k).toBeDefined();
    h.runUntil(204);
    expect(stateOf(h, 'r').data.keys.k).toBeDefined();
    h.runUntil(205);
    expect(stateOf(h, 'r').data.keys.k).toBeUndefined();
    expect(h.events('redis.expire', 'r')).toHaveLength(0);
    expect(h.events('redis.replicate', 'p').at(-1)).toMatchObject({ argv: ['DEL', 'k'] });
  });

  it('failover: the replica promotes itself and writes the primary had not sent are lost', () => {
    const h = failover(
      [
        { at: 50, argv: ['SET', 'a', '1'] },
        { at: 300, argv: ['SET', 'b', '2'] },
      ],
      [
        { at: 350, argv: ['SET', 'x', '1'] },
        { at: 900, argv: ['GET', 'a'] },
        { at: 900, argv: ['GET', 'b'] },
        { at: 950, argv: ['SET', 'c', '3'] },
      ],
    );
    h.at(400).crash('p').runUntil(1200);
    const promote = h.events('redis.promote', 'r');
    expect(promote).toHaveLength(1);
    // Last heard: the ping sent at 305 arrived at 310; promoted 500 ms later.
    expect(promote[0]).toMatchObject({ t: 810, primary: 'p', offset: 1 });
    const r = replies(h, 'cr');
    expect(r[0].reply).toEqual({ error: "READONLY You can't write against a read only replica." });
    expect(r[1].reply).toBe('1');
    expect(r[2].reply).toBeNull(); // SET b 2 was acknowledged to the client, then lost
    expect(r[3].reply).toBe('OK');
    expect(replies(h, 'cp')[1].reply).toBe('OK');
    const s = stateOf(h, 'r');
    expect(s.role).toBe('primary');
    expect(s.promotedFrom).toBe('p');
    const line = narrateEn(h.sim, promote[0]);
    expect(line).toContain('promotes itself to primary');
  });

  it('a primary that restarts empty wipes a replica that has not promoted (no persistence)', () => {
    const h = failover([{ at: 50, argv: ['SET', 'a', '1'] }], [{ at: 700, argv: ['GET', 'a'] }], { replicationLagMs: 0 });
    h.at(300).crash('p').at(400).restart('p').runUntil(800);
    expect(h.events('redis.link', 'r')[0]).toMatchObject({ reason: 'reset' });
    expect(h.events('redis.promote', 'r')).toHaveLength(0);
    expect(replies(h, 'cr')[0].reply).toBeNull();
    expect(stateOf(h, 'r').data.keys).toEqual({});
  });

  it('a short cut of the replication link only delays the write: TCP retransmits it, no gap, no resync', () => {
    const h = failover([{ at: 150, argv: ['SET', 'a', '1'] }], [{ at: 600, argv: ['GET', 'a'] }], { replicationLagMs: 0 });
    h.at(100).partition('p-r').at(200).heal('p-r').runUntil(700);
    expect(h.events('net.retransmit').some((e) => e.ok && e.from === 'p' && e.to === 'r')).toBe(true);
    expect(h.events('redis.link', 'r').filter((e) => e.reason === 'gap')).toHaveLength(0);
    expect(h.events('redis.sync', 'r')).toHaveLength(1);
    expect(replies(h, 'cr')[0].reply).toBe('1');
  });

  it('is deterministic and keeps its state plain JSON', () => {
    const trace = () => {
      const h = failover(
        [
          { at: 50, argv: ['SET', 'a', '1', 'PX', '300'] },
          { at: 60, argv: ['FCALL', 'rlock', '1', 'L', '400', 'c:1'] },
        ],
        [{ at: 500, argv: ['HGET', 'L', 'c:1'] }],
      );
      h.at(350).crash('p').runUntil(1500);
      for (const id of ['p', 'r']) expect(JSON.parse(JSON.stringify(stateOf(h, id)))).toEqual(stateOf(h, id));
      return JSON.stringify(h.events());
    };
    expect(trace()).toBe(trace());
  });
});

describe('redis model: params', () => {
  it('validates params with messages and fills defaults', () => {
    expect(redisParams.parse({})).toEqual({ hz: 10 });
    expect(redisModel.init(redisParams.parse({})).repl).toMatchObject({ lagMs: 0, pingMs: 1000, timeoutMs: 60000, promoteAfterMs: null });
    const bad = redisParams.safeParse({ replicationLagMs: -1 });
    expect(bad.success).toBe(false);
    expect(redisModel.init(redisParams.parse({ replicaOf: 'p' })).role).toBe('replica');
  });
});

describe('redis node: persistence', () => {
  const counter = (params: Record<string, unknown>) =>
    run(
      linked(
        [
          client('c', 'r', [
            { at: 0, argv: ['INCR', 'fence'] },
            { at: 10, argv: ['SET', 'lock', 'A', 'PX', '1000'] },
            { at: 400, argv: ['INCR', 'fence'] },
            { at: 410, argv: ['GET', 'lock'] },
            { at: 1200, argv: ['GET', 'lock'] },
          ]),
          redis('r', params),
        ],
        [['c', 'r']],
      ),
      REDIS_MODELS,
    );

  it('without appendonly a crash loses the keyspace: the counter starts again at 1', () => {
    const h = counter({});
    h.at(100).crash('r').at(200).restart('r').runUntil(1500);
    expect(Object.values(replies(h, 'c')).map((r) => r.reply)).toEqual([1, 'OK', 1, null, null]);
  });

  it('with appendonly a restart reloads the keys: the counter goes on, the lock keeps its deadline', () => {
    const h = counter({ appendonly: true });
    h.at(100).crash('r').at(200).restart('r').runUntil(1500);
    expect(Object.values(replies(h, 'c')).map((r) => r.reply)).toEqual([1, 'OK', 2, 'A', null]);
  });

  it('appendfsync always is what appendonly alone does', () => {
    const h = counter({ appendonly: true, appendfsync: 'always' });
    h.at(100).crash('r').at(200).restart('r').runUntil(1500);
    expect(Object.values(replies(h, 'c')).map((r) => r.reply)).toEqual([1, 'OK', 2, 'A', null]);
    expect(stateOf(h, 'r').aof).toBeUndefined();
  });

  it('appendfsync everysec: writes in the server’s first second wait for the fsync at 1 s, so a crash before it loses them', () => {
    const h = counter({ appendonly: true, appendfsync: 'everysec' });
    h.at(100).crash('r').at(200).restart('r').runUntil(1500);
    // Redis opened the file at second 0: the INCR and the SET (5 and 15 ms) were never fsynced.
    expect(Object.values(replies(h, 'c')).map((r) => r.reply)).toEqual([1, 'OK', 1, null, null]);
    const load = h.events('redis.aof.load', 'r');
    expect(load).toHaveLength(1);
    expect(load[0]).toMatchObject({ keys: 0, lost: ['fence', 'lock'], mode: 'everysec' });
    expect(narrateEn(h.sim, load[0])).toBe('r reloads its append-only file: 0 keys; the last writes to fence, lock never reached the disk (appendfsync everysec) and are lost');
  });

  it('appendfsync everysec: a crash after the fsync at 1 s keeps the writes made before it', () => {
    const h = counter({ appendonly: true, appendfsync: 'everysec' });
    h.runUntil(999);
    expect(stateOf(h, 'r').aof!.disk).toEqual({});
    h.runUntil(1000);
    expect(Object.keys(stateOf(h, 'r').aof!.disk)).toEqual(['fence', 'lock']);
    h.at(1100).crash('r').at(1150).restart('r').runUntil(1500);
    // The lock's deadline (1015) has passed by the 1200 GET; the counter kept its 2. The expiry
    // cycle's DEL of the lock at 1100 (a write, in the same second as the last fsync) was not
    // on disk yet: the lock comes back from the file, already past its deadline.
    expect(Object.values(replies(h, 'c')).map((r) => r.reply)).toEqual([1, 'OK', 2, 'A', null]);
    expect(h.events('redis.aof.load', 'r')[0]).toMatchObject({ keys: 2, lost: ['lock'] });
    expect(stateOf(h, 'r').data.keys.fence.value).toBe('2');
  });

  it('appendfsync everysec: a write in a later second than the last fsync is fsynced at once', () => {
    const h = run(
      linked(
        [
          client('c', 'r', [
            { at: 1200, argv: ['SET', 'a', '1'] },
            { at: 1300, argv: ['SET', 'b', '1'] },
          ]),
          redis('r', { appendonly: true, appendfsync: 'everysec' }),
        ],
        [['c', 'r']],
      ),
      REDIS_MODELS,
    );
    h.runUntil(1250);
    // Second 1 > second 0 of the last fsync: on disk with its reply.
    expect(Object.keys(stateOf(h, 'r').aof!.disk)).toEqual(['a']);
    h.at(1400).crash('r').at(1450).restart('r').runUntil(1500);
    // b came in the same second as a's fsync: it would have waited for 2 s, and the crash took it.
    expect(Object.keys(stateOf(h, 'r').data.keys)).toEqual(['a']);
  });

  it('appendfsync no: the OS writes the file back once its dirty data is 30 s old, at a 5 s flusher tick', () => {
    const h = counter({ appendonly: true, appendfsync: 'no' });
    h.runUntil(29_999);
    expect(stateOf(h, 'r').aof!.disk).toEqual({});
    expect(stateOf(h, 'r').aof!.flushAt).toBe(35_000);
    h.runUntil(35_000);
    expect(Object.keys(stateOf(h, 'r').aof!.disk)).toEqual(['fence']);
    h.at(36_000).crash('r').at(36_100).restart('r').runUntil(36_200);
    expect(stateOf(h, 'r').data.keys.fence.value).toBe('2');
  });

  it('validates appendfsync', () => {
    expect(redisParams.safeParse({ appendonly: true, appendfsync: 'sometimes' }).error?.issues[0].message).toBe("expected 'always', 'everysec' or 'no'");
  });
});
