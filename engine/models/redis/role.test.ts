import { describe, expect, it } from 'vitest';
import { run } from '../../testing/harness';
import { linked } from '../../testing/peer';
import { REDIS_MODELS, redisClient, repliesOf } from '../../testing/redis';
import { redisParams } from './params';
import type { RedisState } from './state';

const redis = (id: string, params: Record<string, unknown> = {}) => ({ id, type: 'redis', params: redisParams.parse(params) });
const stateOf = (h: ReturnType<typeof run>, id: string) => h.sim.node(id).state as RedisState;

/** A primary p (replication lag `lagMs`), a replica r, and a client c linked to both. */
function pair(steps: { at: number; argv: string[]; to?: string }[], lagMs = 0) {
  return run(
    linked([redis('p', { replicationLagMs: lagMs }), redis('r', { replicaOf: 'p', replicaPriority: 7 }), redisClient('c', 'p', steps)], [
      ['p', 'r'],
      ['c', 'p'],
      ['c', 'r'],
    ], 5),
    REDIS_MODELS,
  );
}

describe('redis node: REPLICAOF, ROLE, INFO', () => {
  it('REPLICAOF NO ONE turns a replica into a primary that keeps its keys and accepts writes', () => {
    const h = pair([
      { at: 100, argv: ['SET', 'k', 'v'] },
      { at: 300, argv: ['SET', 'x', '1'], to: 'r' },
      { at: 400, argv: ['REPLICAOF', 'NO', 'ONE'], to: 'r' },
      { at: 500, argv: ['SET', 'x', '1'], to: 'r' },
      { at: 500, argv: ['REPLICAOF', 'no', 'one'] },
    ]).runUntil(1000);
    const got = repliesOf(h, 'c');
    expect(got[1].reply).toEqual({ error: "READONLY You can't write against a read only replica." });
    expect([got[2].reply, got[3].reply, got[4].reply]).toEqual(['OK', 'OK', 'OK']);
    expect(stateOf(h, 'r')).toMatchObject({ role: 'primary', primary: null, promotedFrom: 'p' });
    expect(Object.keys(stateOf(h, 'r').data.keys).sort()).toEqual(['k', 'x']);
    expect(h.events('redis.replicaof').map((e) => [e.node, e.primary, e.was])).toEqual([['r', null, 'p']]);
  });

  it('REPLICAOF <primary> demotes a primary: its unreplicated writes are lost and its keys become the new primary’s', () => {
    // p lags 1 s: its SET at 100 is still in the backlog when it is told to follow r at 300.
    const h = pair(
      [
        { at: 100, argv: ['SET', 'lock', 'c1'] },
        { at: 200, argv: ['REPLICAOF', 'NO', 'ONE'], to: 'r' },
        { at: 250, argv: ['SET', 'other', 'x'], to: 'r' },
        { at: 300, argv: ['REPLICAOF', 'r', '6379'] },
        { at: 400, argv: ['REPLICAOF', 'r', '6379'] },
        { at: 400, argv: ['REPLICAOF', 'r', 'port'] },
        { at: 400, argv: ['REPLICAOF', 'r', '70000'] },
        { at: 400, argv: ['REPLICAOF', 'r'] },
      ],
      1000,
    ).runUntil(2000);
    const got = repliesOf(h, 'c');
    expect(got[3].reply).toBe('OK');
    expect(got[4].reply).toBe('OK Already connected to specified master');
    expect(got[5].reply).toEqual({ error: 'ERR Invalid master port' });
    expect(got[6].reply).toEqual({ error: 'ERR Invalid master port' });
    expect(got[7].reply).toEqual({ error: "ERR wrong number of arguments for 'replicaof' command" });
    expect(h.events('redis.replicaof').find((e) => e.node === 'p')).toMatchObject({ primary: 'r', was: null, lost: 1 });
    expect(stateOf(h, 'p')).toMatchObject({ role: 'replica', primary: 'r' });
    expect(Object.keys(stateOf(h, 'p').data.keys)).toEqual(['other']);
    // The lost write never reached r either.
    expect(Object.keys(stateOf(h, 'r').data.keys)).toEqual(['other']);
  });

  it('ROLE and INFO replication describe both ends as Redis 7.0 does', () => {
    const h = pair([
      { at: 100, argv: ['SET', 'k', 'v'] },
      { at: 200, argv: ['ROLE'] },
      { at: 200, argv: ['ROLE'], to: 'r' },
      { at: 200, argv: ['INFO', 'replication'] },
      { at: 200, argv: ['INFO'], to: 'r' },
    ]).runUntil(500);
    const got = repliesOf(h, 'c');
    expect(got[1].reply).toEqual(['master', 1, [['r', '6379', '1']]]);
    expect(got[2].reply).toEqual(['slave', 'p', 6379, 'connected', 1]);
    const primaryInfo = String(got[3].reply);
    expect(primaryInfo).toContain('role:master\r\nconnected_slaves:1\r\nslave0:ip=r,port=6379,state=online,offset=1,lag=0\r\nmaster_repl_offset:1');
    expect(primaryInfo).not.toContain('run_id');
    const replicaInfo = String(got[4].reply);
    for (const line of ['run_id:r', 'role:slave', 'master_host:p', 'master_port:6379', 'master_link_status:up', 'slave_repl_offset:1', 'slave_priority:7']) expect(replicaInfo).toContain(`${line}\r\n`);
  });

  it('CLIENT KILL TYPE normal closes the connections of the clients it served, not the sender’s', () => {
    const h = run(
      linked([redis('p'), redisClient('a', 'p', [{ at: 100, argv: ['PING'] }]), redisClient('b', 'p', [{ at: 200, argv: ['CLIENT', 'KILL', 'TYPE', 'normal'] }]), redisClient('idle', 'p', [])], [
        ['a', 'p'],
        ['b', 'p'],
        ['idle', 'p'],
      ], 5),
      REDIS_MODELS,
    ).runUntil(500);
    expect(repliesOf(h, 'b')[0].reply).toBe(1);
    expect(stateOf(h, 'p').clients).toEqual(['b']);
  });
});
