import { galleryEntry } from '../../testing/gallery';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../core/faults';
import { builtin } from './index';
import { play } from '../../testing/scenario';

const SESSIONS = ['session-store', 'session-store-redis', 'session-jwt', 'session-jwt-denylist'];
const monitors = (r: ReturnType<typeof play>) => r.violations.map((v) => v.monitor);

describe('session scenarios are in the library', () => {
  it.each(SESSIONS)('%s: topic sessions, notes filled in, both session monitors attached', (id) => {
    const b = galleryEntry(id, 'sessions');
    expect(b.scenario.monitors).toEqual(expect.arrayContaining(['no-unexpected-logout', 'no-access-after-logout']));
  });
});

describe('session-store: sessions in app memory', () => {
  it('the crash of app1 logs out exactly the users pinned to it, once the balancer sends them to app2', () => {
    const r = play('session-store');
    expect(monitors(r)).toEqual(['no-unexpected-logout', 'no-unexpected-logout']);
    expect(r.violations.map((v) => v.nodes[0])).toEqual(['alice', 'carol']);
    for (const v of r.violations) {
      // app1's host resets the balancer's connections as the process dies: it is out at once,
      // and their next request goes to app2 (not after two failed health checks).
      expect(v.t).toBeGreaterThan(3000);
      expect(v.t).toBeLessThan(4000);
      expect(v.message).toContain("lived only in app1's memory; app1 crashed at 3000 ms and app2");
    }
    expect(r.metrics['sessions.lost']).toBe(2);
    expect(r.events('user.kicked').map((e) => [e.node, e.reason, e.server])).toEqual([
      ['alice', 'no session', 'app2'],
      ['carol', 'no session', 'app2'],
    ]);
    expect(r.events('lb.backend').map((e) => [e.backend, e.up])).toEqual([['app1', false]]);
    // They log in again on app2 and carry on.
    expect(r.metrics['users.logins']).toBe(6);
  });

  it('without the crash nobody is logged out; without sticky routing everybody is', () => {
    expect(play('session-store', { interventions: [] }).violations).toEqual([]);
    const rr = play('session-store', { interventions: [], params: { lb: { policy: 'round-robin' } } });
    expect(new Set(rr.violations.map((v) => v.nodes[0]))).toEqual(new Set(['alice', 'bob', 'carol', 'dave']));
    expect(rr.violations[0].t).toBeLessThan(2500);
    expect(rr.violations[0].message).toMatch(/the load balancer sent the request to app\d, which has never seen it/);
  });
});

describe('session-store-redis: sessions in Redis', () => {
  it('the same crash logs nobody out; every page costs three Redis round trips', () => {
    const r = play('session-store-redis');
    expect(r.violations).toEqual([]);
    expect(r.metrics['users.kicked']).toBeUndefined();
    // Out of rotation when the reset arrives, one latency after the crash: no request waits for a timeout.
    expect(r.events('lb.backend').map((e) => [e.backend, e.up, e.t < 3100])).toEqual([['app1', false, true]]);
    expect(r.metrics['lb.timeouts'] ?? 0).toBe(0);
    expect(r.metrics['app.redis.trips.per.request']).toBeGreaterThan(2.5);
    expect(r.metrics['app.redis.trips.per.request']).toBeLessThanOrEqual(3);
    // Spring Session's layout: a hash per session with a TTL of maxInactiveInterval, refreshed on access.
    const touches = r.events('redis.exec').filter((e) => e.argv[0] === 'PEXPIRE');
    expect(touches.length).toBeGreaterThan(40);
    expect(touches.every((e) => e.argv[2] === '10000' && e.reply === 1)).toBe(true);
    const after = r.events('app.handle').filter((e) => e.t > 5000);
    expect(after.every((e) => e.node === 'app2' && e.status === 200)).toBe(true);
  });

  it('Redis down: requests fail with 503 and nobody is logged out, until it restarts empty', () => {
    const down = play('session-store-redis', { interventions: [{ at: 4000, kind: 'crash', node: 'redis' }] });
    expect(down.violations).toEqual([]);
    const failed = down.events('app.handle').filter((e) => e.t > 4000);
    expect(failed.length).toBeGreaterThan(10);
    expect(failed.every((e) => e.status === 503 && /session store unavailable/.test(e.reason ?? ''))).toBe(true);
    const back = play('session-store-redis', {
      interventions: [
        { at: 4000, kind: 'crash', node: 'redis' },
        { at: 5000, kind: 'restart', node: 'redis' },
      ],
    });
    expect(back.violations.length).toBe(4);
    expect(back.violations[0].message).toContain('redis crashed at 4000 ms and came back empty (no persistence)');
  });

  it('an idle user is logged out by maxInactiveInterval, which no monitor counts against the app', () => {
    const r = play('session-store-redis', { interventions: [], program: { pageEveryMs: 11_000 }, clients: ['alice'], untilMs: 25_000 });
    expect(r.violations).toEqual([]);
    // The key expires in Redis right at lastAccessedTime + maxInactiveInterval (RedisSessionRepository).
    expect(r.events('user.kicked').filter((e) => e.node === 'alice')[0].reason).toBe('no session');
    expect(r.events('redis.expire').some((e) => e.keys.some((k) => k.startsWith('spring:session:sessions:')))).toBe(true);
  });

  it('a clock jump on Redis expires every session at once', () => {
    const r = play('session-store-redis', { interventions: [{ at: 4000, kind: 'skew', node: 'redis', deltaMs: 20_000 }] });
    expect(r.violations.length).toBe(4);
    expect(r.violations.every((v) => v.t > 4000 && v.t < 5200)).toBe(true);
  });
});

describe('session-jwt: stateless tokens', () => {
  it('the stolen token keeps working after alice logs out, until its exp', () => {
    const r = play('session-jwt');
    expect(monitors(r)).toEqual(['no-access-after-logout']);
    const v = r.violations[0];
    const logout = r.events('jwt.revoke')[0];
    expect(logout.denylisted).toBe(false);
    expect(v.t).toBeGreaterThan(logout.t);
    expect(v.t).toBeLessThan(logout.t + 600);
    expect(v.nodes).toEqual(['mallory', expect.stringMatching(/^app[12]$/)]);
    expect(v.message).toContain('a stateless JWT cannot be taken back');
    const replays = r.events('attacker.replay');
    const exp = r.events('jwt.issue').find((e) => e.sub === 'alice')!;
    const accepted = replays.filter((e) => e.accepted);
    // exp is stamped on app1's clock, which is true time here.
    expect(accepted.at(-1)!.t).toBeLessThan(exp.exp + 100);
    expect(accepted.at(-1)!.t).toBeGreaterThan(exp.exp - 600);
    expect(replays.filter((e) => e.t > exp.exp + 100).every((e) => e.reason === 'token expired')).toBe(true);
    expect(r.metrics['auth.revoked.accepted']).toBeGreaterThan(12);
    // bob's own token runs out: he logs in again, and that is no violation.
    expect(r.events('user.kicked').map((e) => [e.node, e.reason])).toEqual([['bob', 'token expired']]);
  });

  it('each server checks exp on its own clock: one running behind accepts the token longer', () => {
    const base = play('session-jwt');
    const skewed = play('session-jwt', { interventions: [{ at: 0, kind: 'skew', node: 'app2', deltaMs: -5000 }] });
    const lastOn = (r: ReturnType<typeof play>, app: string) => r.events('attacker.replay').filter((e) => e.accepted && e.server === app).at(-1)!.t;
    expect(lastOn(skewed, 'app2')).toBeGreaterThan(lastOn(base, 'app2') + 4000);
    expect(lastOn(skewed, 'app1')).toBeLessThan(lastOn(base, 'app1') + 600);
  });

  it('a shorter exp shrinks the window and logs bob out more often', () => {
    const short = play('session-jwt', { params: { app1: { tokenTtlMs: 4000 }, app2: { tokenTtlMs: 4000 } } });
    const base = play('session-jwt');
    expect(short.metrics['auth.revoked.accepted'] ?? 0).toBeLessThan(base.metrics['auth.revoked.accepted'] / 2);
    expect(short.events('user.kicked').filter((e) => e.node === 'bob').length).toBeGreaterThanOrEqual(3);
  });
});

describe('session-jwt-denylist: short tokens, refresh tokens and a denylist', () => {
  it('replays are refused from the logout on; users refresh without noticing', () => {
    const r = play('session-jwt-denylist');
    expect(r.violations).toEqual([]);
    const logout = r.events('jwt.revoke')[0];
    expect(logout.denylisted).toBe(true);
    const replays = r.events('attacker.replay');
    expect(replays.filter((e) => e.accepted).every((e) => e.t < logout.t)).toBe(true);
    expect(replays.filter((e) => e.accepted).length).toBeGreaterThan(0);
    expect(replays.filter((e) => e.reason === 'token revoked').length).toBeGreaterThanOrEqual(3);
    expect(r.events('jwt.issue').filter((e) => e.sub === 'bob' && e.parent !== null && e.typ === 'access').length).toBeGreaterThanOrEqual(2);
    expect(r.metrics['users.kicked']).toBeUndefined();
    expect(r.metrics['app.redis.trips.per.request']).toBeGreaterThan(0.8);
  });

  it('without the denylist the token works after logout, but only until its short exp', () => {
    const r = play('session-jwt-denylist', { params: { app1: { denylist: false }, app2: { denylist: false } } });
    expect(monitors(r)).toEqual(['no-access-after-logout']);
    const exp = r.events('jwt.issue').filter((e) => e.sub === 'alice' && e.typ === 'access').at(-1)!.exp;
    expect(r.events('attacker.replay').filter((e) => e.accepted).every((e) => e.t < exp + 100)).toBe(true);
  });

  it('a Redis restart forgets the denylist: the revoked token works again', () => {
    const r = play('session-jwt-denylist', {
      interventions: [
        { at: 8000, kind: 'crash', node: 'redis' },
        { at: 8500, kind: 'restart', node: 'redis' },
      ],
    });
    const revoked = r.violations.filter((v) => v.monitor === 'no-access-after-logout');
    expect(revoked).toHaveLength(1);
    expect(revoked[0].message).toContain('redis crashed at 8000 ms and came back without its denylist');
    // bob's refresh token went too: he is logged out, and the monitor says why.
    const lost = r.violations.filter((v) => v.monitor === 'no-unexpected-logout');
    expect(lost.map((v) => v.nodes[0])).toEqual(['bob']);
    expect(lost[0].message).toContain('refresh token');
  });

  it('an app server crash logs nobody out', () => {
    expect(play('session-jwt-denylist', { interventions: [{ at: 3000, kind: 'crash', node: 'app1' }] }).violations).toEqual([]);
  });
});

describe('session scenarios, on random seeds and fault times', () => {
  const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
  const params = { numRuns: Number(process.env.SESSION_RUNS ?? 40) };
  const appCrash = fc.record({ at: fc.integer({ min: 0, max: 10_000 }), node: fc.constantFrom('app1', 'app2'), downMs: fc.integer({ min: 1, max: 5000 }) });
  const crashes = (cs: { at: number; node: string; downMs: number }[]): Intervention[] =>
    cs.flatMap((c) => [
      { at: c.at, kind: 'crash', node: c.node } as Intervention,
      { at: c.at + c.downMs, kind: 'restart', node: c.node } as Intervention,
    ]);

  it('session-store: the crash of app1 logs someone out on every seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(monitors(play('session-store', { seed: s }))).toContain('no-unexpected-logout');
      }),
      params,
    );
  });

  it('session-store-redis: no app server crash, at any time, logs anybody out', () => {
    fc.assert(
      fc.property(seed, fc.array(appCrash, { maxLength: 3 }), (s, cs) => {
        const r = play('session-store-redis', { seed: s, interventions: crashes(cs), untilMs: 18_000 });
        expect(r.violations).toEqual([]);
      }),
      params,
    );
  });

  it('session-jwt-denylist: whenever the token is stolen and alice logs out, and whichever app crashes, no replay gets in after the logout', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 50, max: 1000 }), fc.array(appCrash, { maxLength: 2 }), (s, pages, leakEarly, intervalMs, cs) => {
        const leakAtPage = Math.max(1, pages - leakEarly);
        const r = play('session-jwt-denylist', {
          seed: s,
          interventions: crashes(cs),
          params: { alice: { program: { ...alice(), pages, leakAtPage } }, mallory: { program: { ...malloryProgram(), intervalMs } } },
          untilMs: 20_000,
        });
        expect(r.violations.filter((v) => v.monitor === 'no-access-after-logout')).toEqual([]);
        if (cs.length === 0) expect(r.violations).toEqual([]);
      }),
      params,
    );
  });
});

function programOf(id: string, node: string): Record<string, unknown> {
  const n = builtin(id)!.scenario.nodes.find((x) => x.id === node)!;
  return (n.params as { program: Record<string, unknown> }).program;
}
const alice = () => programOf('session-jwt-denylist', 'alice');
const malloryProgram = () => programOf('session-jwt-denylist', 'mallory');
