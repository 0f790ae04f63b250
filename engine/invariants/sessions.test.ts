import { describe, expect, it } from 'vitest';
import type { MonitorDef } from '../core/monitor';
import type { Say } from '../core/phrase';
import { inEnglish } from '../i18n/english';
import type { TraceData, TraceEvent, TraceType } from '../core/trace-types';
import '../models/app-service/model';
import { noAccessAfterLogout } from './no-access-after-logout/monitor';
import { noUnexpectedLogout } from './no-unexpected-logout/monitor';

/** Feeds hand-made events to a monitor; returns its violations and metrics. */
function feed<S>(m: MonitorDef<S>, events: TraceEvent[]) {
  const violations: string[] = [];
  const metrics: Record<string, number> = {};
  const ctx = {
    name: (id: string) => id,
    violate: (message: Say) => violations.push(inEnglish(message)),
    metric: (name: string, d = 1) => (metrics[name] = (metrics[name] ?? 0) + d),
    setMetric: (name: string, v: number) => (metrics[name] = v),
  };
  let s = m.init();
  for (const ev of events) if (m.watches.includes(ev.type)) s = m.onEvent(s, ev, ctx);
  return { violations, metrics };
}

let i = 0;
function ev<K extends TraceType>(t: number, node: string, type: K, data: TraceData<K>): TraceEvent {
  return { i: i++, step: i, t, node, type, ...data } as unknown as TraceEvent;
}

const handle = (t: number, node: string, op: 'get' | 'logout' | 'refresh', status: number, cred: string, extra: Partial<TraceData<'app.handle'>> = {}) =>
  ev(t, node, 'app.handle', { origin: 'alice', op, status, reason: status === 200 ? null : 'no session', user: 'alice', cred, trips: 0, tookMs: 10, ...extra });
const created = (t: number, node: string, store: 'memory' | 'redis' = 'memory') => ev(t, node, 'session.create', { sid: 's-1', user: 'alice', store, where: store === 'memory' ? node : 'redis', maxInactiveMs: 10_000 });

describe('no-unexpected-logout', () => {
  it('a live session refused is a violation, once; the reason names the crashed server', () => {
    const r = feed(noUnexpectedLogout, [created(0, 'app1'), handle(500, 'app1', 'get', 200, 's-1'), ev(1000, 'app1', 'fault.crash', {}), handle(2000, 'app2', 'get', 401, 's-1'), handle(2500, 'app2', 'get', 401, 's-1')]);
    expect(r.violations).toEqual(["alice was logged out at 2000 ms without logging out: session s-1 lived only in app1's memory; app1 crashed at 1000 ms and app2, where the load balancer sent the request, has never seen it"]);
    expect(r.metrics['sessions.lost']).toBe(1);
    expect(r.metrics['sessions.lost.requests']).toBe(2);
  });

  it('no violation for an idle session past maxInactive (measured from the last request that arrived), near its end, or after a logout', () => {
    expect(feed(noUnexpectedLogout, [created(0, 'app1'), handle(3000, 'app1', 'get', 200, 's-1'), handle(13_500, 'app1', 'get', 401, 's-1')]).violations).toEqual([]);
    // 9.5 s idle: within a second of the 10 s limit, not judged.
    expect(feed(noUnexpectedLogout, [created(0, 'app1'), handle(9_500, 'app1', 'get', 401, 's-1')]).violations).toEqual([]);
    expect(feed(noUnexpectedLogout, [created(0, 'app1'), ev(100, 'app1', 'session.destroy', { sid: 's-1', user: 'alice', store: 'memory', where: 'app1', why: 'logout' }), handle(200, 'app1', 'get', 401, 's-1')]).violations).toEqual([]);
    // Refusing a logout is not logging anybody out.
    expect(feed(noUnexpectedLogout, [created(0, 'app1'), handle(200, 'app2', 'logout', 401, 's-1')]).violations).toEqual([]);
  });

  it('a token refused as expired before its lifetime ran out blames the clocks', () => {
    const issue = ev(0, 'app1', 'jwt.issue', { sub: 'alice', jti: 't-1', typ: 'access', exp: 5000, ttlMs: 5000, parent: null, store: null });
    const r = feed(noUnexpectedLogout, [issue, handle(3000, 'app2', 'get', 401, 't-1', { reason: 'token expired' })]);
    expect(r.violations[0]).toContain("app2 judged t-1 expired 2 s before its lifetime ran out: app2's clock is ahead of app1's");
    // A denylisted token is refused because someone logged out, even if that app has not answered yet.
    expect(feed(noUnexpectedLogout, [issue, handle(3000, 'app2', 'get', 401, 't-1', { reason: 'token revoked' })]).violations).toEqual([]);
  });

  it('reports Redis round trips per request', () => {
    const r = feed(noUnexpectedLogout, [handle(0, 'app1', 'get', 200, 'x', { trips: 3 }), handle(10, 'app1', 'get', 200, 'x', { trips: 2 })]);
    expect(r.metrics['app.redis.trips.per.request']).toBe(2.5);
  });
});

describe('no-access-after-logout', () => {
  const issue = ev(0, 'app1', 'jwt.issue', { sub: 'alice', jti: 't-1', typ: 'access', exp: 15_000, ttlMs: 15_000, parent: null, store: null });
  const revoke = (denylisted: boolean) => ev(4000, 'app1', 'jwt.revoke', { sub: 'alice', jti: 't-1', refresh: null, denylisted, where: denylisted ? 'redis' : null, remainingMs: 11_000 });
  const replay = (t: number, status = 200) => handle(t, 'app2', 'get', status, 't-1', { origin: 'mallory' });

  it('a request that arrived after the logout and was served is a violation; every one is counted', () => {
    const r = feed(noAccessAfterLogout, [issue, replay(3000), revoke(false), replay(4005), replay(5000), replay(6000, 401)]);
    expect(r.violations).toEqual([
      "app2 served a request from mallory with alice's token t-1 at 5000 ms, 990 ms after alice logged out: a stateless JWT cannot be taken back: app2 checks only the signature and exp, and it is good for 10 s more, until its exp",
    ]);
    expect(r.metrics['auth.revoked.accepted']).toBe(1);
  });

  it('with a denylist, only a Redis that lost it explains a served replay', () => {
    const r = feed(noAccessAfterLogout, [issue, revoke(true), ev(5000, 'redis', 'fault.crash', {}), replay(6000)]);
    expect(r.violations[0]).toContain('redis crashed at 5000 ms and came back without its denylist (no persistence)');
  });
});
