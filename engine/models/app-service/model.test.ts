import { describe, expect, it } from 'vitest';
import type { ModelDef } from '../../core/types';
import { run, type Harness } from '../../testing/harness';
import type { HttpRes } from '../../clients/http/messages';
import { answersOf, httpCaller, type CallStep } from '../../testing/http';
import { linked } from '../../testing/peer';
import type { RedisState } from '../redis/state';
import { redisModel } from '../redis/model';
import { signJwt, verifyJwt } from './jwt';
import { appModel, type AppState } from './model';
import { appView, liveSessions } from './view';
import type { AppParams } from './params';

const MODELS = { app: appModel, redis: redisModel, tcaller: httpCaller } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

function world(app: AppParams, steps: CallStep[], opts: { redis?: boolean; appSkewMs?: number } = {}): Harness {
  const nodes = [
    { id: 'app', type: 'app', params: app, skewMs: opts.appSkewMs },
    { id: 'u', type: 'tcaller', params: { target: 'app', steps } },
    ...(opts.redis ? [{ id: 'redis', type: 'redis', params: {} }] : []),
  ];
  return run(linked(nodes, [['u', 'app'], ...(opts.redis ? ([['app', 'redis']] as [string, string][]) : [])]), MODELS);
}

const answers = (h: Harness): HttpRes[] => answersOf(h, 'u');
const statuses = (h: Harness) => answers(h).map((r) => (r.status === 200 ? 200 : `${r.status} ${r.reason}`));

describe('app: sessions in memory', () => {
  it('logs in with a cookie, serves it, forgets it on logout', () => {
    const h = world({ auth: 'memory' }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 100, op: 'get', use: 0 },
      { at: 200, op: 'logout', use: 0 },
      { at: 300, op: 'get', use: 0 },
      { at: 400, op: 'get' },
    ]).runUntil(1000);
    expect(statuses(h)).toEqual([200, 200, 200, '401 no session', '401 no session cookie']);
    expect(answers(h)[0].cookie).toMatch(/^s-[0-9a-f]{8}$/);
    expect(answers(h)[1]).toMatchObject({ user: 'alice', server: 'app' });
    expect(h.events('session.destroy').map((e) => e.why)).toEqual(['logout']);
  });

  it('ends a session idle for maxInactiveInterval, measured on its own clock; each request refreshes it', () => {
    const h = world({ auth: 'memory', maxInactiveMs: 1000 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 900, op: 'get', use: 0 },
      { at: 1800, op: 'get', use: 0 },
      { at: 2900, op: 'get', use: 0 },
    ]).runUntil(4000);
    expect(statuses(h)).toEqual([200, 200, 200, '401 session expired']);
  });

  it('a crash loses every session', () => {
    const h = world({ auth: 'memory' }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 500, op: 'get', use: 0 },
    ])
      .at(200)
      .crash('app')
      .at(300)
      .restart('app')
      .runUntil(1000);
    expect(statuses(h)).toEqual([200, '401 no session']);
    expect(liveSessions(appView(h.sim.node('app').state as AppState), 600)).toEqual([]);
  });
});

describe('app: sessions in Redis (Spring Session)', () => {
  it('stores a hash that expires maxInactiveInterval after the last access; three round trips per page', () => {
    const h = world({ auth: 'redis', maxInactiveMs: 5000 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 1000, op: 'get', use: 0 },
    ], { redis: true }).runUntil(1500);
    expect(statuses(h)).toEqual([200, 200]);
    const sid = answers(h)[0].cookie!;
    const entry = (h.sim.node('redis').state as RedisState).data.keys[`spring:session:sessions:${sid}`];
    expect(entry.type).toBe('hash');
    expect(entry.value).toMatchObject({ 'sessionAttr:user': 'alice', maxInactiveInterval: '5', creationTime: '5' });
    // Touched by the page at about 1010 ms: expiry moved to 5 s after that.
    expect(entry.expireAt).toBeGreaterThan(6000);
    expect(h.events('redis.exec').map((e) => e.argv[0])).toEqual(['HSET', 'PEXPIRE', 'HGETALL', 'HSET', 'PEXPIRE']);
    expect(h.events('app.handle').map((e) => e.trips)).toEqual([2, 3]);
  });

  it('another app server sharing the Redis node knows the session', () => {
    const nodes = [
      { id: 'a1', type: 'app', params: { auth: 'redis' } },
      { id: 'a2', type: 'app', params: { auth: 'redis' } },
      { id: 'redis', type: 'redis', params: {} },
      { id: 'u', type: 'tcaller', params: { target: 'a1', steps: [{ at: 0, op: 'login', user: 'bob' }, { at: 200, op: 'get', use: 0, to: 'a2' }] } },
    ];
    const h = run(linked(nodes, [['u', 'a1'], ['u', 'a2'], ['a1', 'redis'], ['a2', 'redis']]), MODELS).runUntil(500);
    expect(statuses(h)).toEqual([200, 200]);
    expect(answers(h)[1]).toMatchObject({ user: 'bob', server: 'a2' });
  });

  it('Redis down: 503 after the command timeout, and the session is still there when it is back', () => {
    const h = world({ auth: 'redis', redisTimeoutMs: 300 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 200, op: 'get', use: 0 },
      { at: 800, op: 'get', use: 0 },
    ], { redis: true })
      .at(100)
      .pause('redis', 600)
      .runUntil(1200);
    expect(statuses(h)).toEqual([200, '503 session store unavailable (no reply from redis)', 200]);
  });

  it('an app clock far ahead finds the session expired (Spring checks lastAccessedTime on the app clock) and deletes it', () => {
    const nodes = [
      { id: 'a1', type: 'app', params: { auth: 'redis', maxInactiveMs: 5000 } },
      { id: 'a2', type: 'app', params: { auth: 'redis', maxInactiveMs: 5000 }, skewMs: 6000 },
      { id: 'redis', type: 'redis', params: {} },
      { id: 'u', type: 'tcaller', params: { target: 'a1', steps: [{ at: 0, op: 'login', user: 'bob' }, { at: 200, op: 'get', use: 0, to: 'a2' }] } },
    ];
    const h = run(linked(nodes, [['u', 'a1'], ['u', 'a2'], ['a1', 'redis'], ['a2', 'redis']]), MODELS).runUntil(500);
    expect(statuses(h)).toEqual([200, '401 session expired']);
    expect(h.events('redis.exec').at(-1)!.argv[0]).toBe('DEL');
  });
});

describe('app: JWT', () => {
  it('signs tokens with exp = iat + ttl and verifies them with no server state', () => {
    const h = world({ auth: 'jwt', tokenTtlMs: 1000, leewayMs: 0 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 500, op: 'get', use: 0 },
      { at: 1100, op: 'get', use: 0 },
      { at: 1200, op: 'get', use: 0, tamper: { exp: 99_999 } },
      { at: 1300, op: 'logout', use: 0 },
    ]).runUntil(2000);
    const t = answers(h)[0].token!;
    expect(t.exp - t.iat).toBe(1000);
    expect(statuses(h)).toEqual([200, 200, '401 token expired', '401 bad signature', 200]);
    expect(h.events('jwt.revoke')[0]).toMatchObject({ denylisted: false });
  });

  it('checks exp on the verifier’s own clock, with leeway', () => {
    const steps: CallStep[] = [{ at: 0, op: 'login', user: 'alice' }, { at: 700, op: 'get', use: 0 }];
    const login = { at: 0, op: 'login', user: 'alice', to: 'issuer' } as CallStep;
    const nodes = (leewayMs: number) => [
      { id: 'issuer', type: 'app', params: { auth: 'jwt', tokenTtlMs: 1000, leewayMs } },
      { id: 'app', type: 'app', params: { auth: 'jwt', tokenTtlMs: 1000, leewayMs }, skewMs: 500 },
      { id: 'u', type: 'tcaller', params: { target: 'app', steps: [login, steps[1]] } },
    ];
    const pairs: [string, string][] = [['u', 'issuer'], ['u', 'app']];
    expect(statuses(run(linked(nodes(0), pairs), MODELS).runUntil(1000))).toEqual([200, '401 token expired']);
    expect(statuses(run(linked(nodes(300), pairs), MODELS).runUntil(1000))).toEqual([200, 200]);
  });

  it('with a denylist, logout revokes the token until its exp; the entry outlives exp by the lookup timeout', () => {
    const h = world({ auth: 'jwt', tokenTtlMs: 5000, leewayMs: 0, denylist: true, redisTimeoutMs: 400 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 100, op: 'get', use: 0 },
      { at: 200, op: 'logout', use: 0 },
      { at: 300, op: 'get', use: 0 },
    ], { redis: true }).runUntil(1000);
    expect(statuses(h)).toEqual([200, 200, 200, '401 token revoked']);
    const set = h.events('redis.exec').find((e) => e.argv[0] === 'SET')!;
    const jti = answers(h)[0].token!.jti;
    expect(set.argv.slice(0, 3)).toEqual(['SET', `deny:${jti}`, '1']);
    // exp at 5005 (login at 5 ms), logout at about 205: 4800 left + 400.
    expect(Number(set.argv[4])).toBe(5200);
    expect(h.events('app.handle').map((e) => e.trips)).toEqual([0, 1, 1, 1]);
  });

  it('refresh tokens rotate: the new pair works, the old refresh token is refused, logout drops the new one', () => {
    const h = world({ auth: 'jwt', tokenTtlMs: 500, refreshTtlMs: 10_000, leewayMs: 0 }, [
      { at: 0, op: 'login', user: 'alice' },
      { at: 600, op: 'get', use: 0 },
      { at: 700, op: 'refresh', use: 0 },
      { at: 800, op: 'get', use: 2 },
      { at: 900, op: 'refresh', use: 0 },
      { at: 1000, op: 'logout', use: 2 },
      { at: 1100, op: 'refresh', use: 2 },
    ], { redis: true }).runUntil(2000);
    expect(statuses(h)).toEqual([200, '401 token expired', 200, 200, '401 refresh token already used or revoked', 200, '401 refresh token already used or revoked']);
    const keys = Object.keys((h.sim.node('redis').state as RedisState).data.keys);
    expect(keys).toEqual([]);
    expect(h.events('jwt.issue').filter((e) => e.parent !== null)).toHaveLength(2);
  });

  it('a token signed with another secret is refused', () => {
    const t = signJwt({ typ: 'access', sub: 'eve', jti: 't-1', iat: 0, exp: 10_000 }, 'guess');
    expect(verifyJwt(t, 'access', 'change-me', 0, 0)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyJwt(t, 'access', 'guess', 10_000, 0)).toMatchObject({ ok: false, reason: 'token expired' });
    expect(verifyJwt(t, 'refresh', 'guess', 0, 0)).toEqual({ ok: false, reason: 'wrong token type' });
  });
});
