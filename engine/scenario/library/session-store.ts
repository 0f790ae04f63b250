import { defineGuide } from '../guide';
import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

const USERS = ['alice', 'bob', 'carol', 'dave'];

/** A user browsing a page every 550–700 ms; with a sticky balancer alice and carol land on app1. */
const user = (name: string, i: number) => ({
  kind: 'web-user',
  target: 'lb',
  user: name,
  startDelayMs: i * 150,
  pageEveryMs: 550 + 50 * i,
  pages: 12,
  timeoutMs: 3000,
});

/** Spring Session's maxInactiveInterval is 1800 s; 10 s here so the TTL bars move. */
const MAX_INACTIVE_MS = 10_000;

function sessionStore(redis: boolean): BuiltinScenario['scenario'] {
  const id = redis ? 'session-store-redis' : 'session-store';
  const app = { auth: redis ? 'redis' : 'memory', maxInactiveMs: MAX_INACTIVE_MS, redisTimeoutMs: 500 };
  return {
    version: 1,
    id,
    title: redis ? 'Sessions in Redis: users survive an app server crash' : 'Sessions in app memory: a crash logs users out',
    seed: 5,
    // Columns users | balancer | apps | store, 400 apart, and rows 260 apart: clear of each other on a desktop and, transposed, on a phone.
    nodes: [
      ...USERS.map((name, i) => clientNode(name, 0, i * 260, user(name, i))),
      { id: 'lb', type: 'lb', label: 'load balancer', position: { x: 400, y: 390 }, params: { policy: redis ? 'round-robin' : 'sticky', healthEveryMs: 500, fall: 2, rise: 2, timeoutMs: 1000 } },
      { id: 'app1', type: 'app', label: 'app1', position: { x: 800, y: 260 }, params: app },
      { id: 'app2', type: 'app', label: 'app2', position: { x: 800, y: 520 }, params: app },
      ...(redis ? [{ id: 'redis', type: 'redis', label: 'redis', position: { x: 1200, y: 390 }, params: {} }] : []),
    ],
    edges: [...USERS.map((u) => link(u, 'lb')), link('lb', 'app1'), link('lb', 'app2'), ...(redis ? [link('app1', 'redis'), link('app2', 'redis')] : [])],
    monitors: ['no-unexpected-logout', 'no-access-after-logout'],
    interventions: [{ at: 3000, kind: 'crash', node: 'app1' }],
    playback: { startMs: 0, speed: 1, untilMs: 12_000 },
  };
}

export const sessionStoreMemory: BuiltinScenario = {
  id: 'session-store',
  topic: 'sessions',
  title: 'Sessions in app memory: a crash logs users out',
  description:
    'Four users browse through a sticky load balancer to two app servers that keep HTTP sessions in their own memory (a servlet container’s default). At 3 s app1 crashes: the sessions of the users pinned to it die with the process.',
  watchFor:
    'app1\'s host resets the balancer\'s connections as the process dies, so the balancer takes app1 out of rotation at once (as HAProxy does with observe layer4; without it, only after two failed health checks) and sends alice and carol, pinned to app1, to app2, which has never seen their session cookies: 401, no session — no-unexpected-logout fires and they have to log in again. bob and dave on app2 notice nothing.',
  tryThis: [
    { text: 'Set the load balancer’s policy to round-robin: users are logged out within their first few pages, with no crash at all — in-memory sessions need sticky routing.', change: { params: { lb: { policy: 'round-robin' } } } },
    { text: 'Open session-store-redis: the same crash, with sessions in Redis, logs nobody out.', change: { open: 'session-store-redis' } },
    { text: 'Restart app1 after the crash (its menu): it comes back up empty, and the balancer sends nobody back to it until two health checks pass.', change: { add: [{ at: 5000, kind: 'restart', node: 'app1' }] } },
  ],
  guide: defineGuide(
    [
      { id: 'login', on: { type: 'session.create', node: 'app1' } },
      { id: 'crash', on: { type: 'fault.crash', node: 'app1' } },
      { id: 'out', on: { type: 'lb.backend', node: 'lb', fields: { up: false } } },
      { id: 'kicked', on: { type: 'invariant.violation', fields: { monitor: 'no-unexpected-logout' } } },
      { id: 'relogin', on: { type: 'user.login', node: 'alice' } },
    ],
    {
      en: {
        login: 'alice logs in: her session lives only in app1’s memory, and the sticky balancer keeps sending her there.',
        crash: 'app1 crashes, and every session in its memory is gone.',
        out: 'app1’s connections reset, so the balancer takes it out of rotation at once.',
        kicked: 'alice’s next page goes to app2, which has never seen her session: 401, logged out without asking.',
        relogin: 'alice has to log in again, this time on app2.',
      },
    },
  ),
  scenario: sessionStore(false),
};

export const sessionStoreRedis: BuiltinScenario = {
  id: 'session-store-redis',
  topic: 'sessions',
  title: 'Sessions in Redis: users survive an app server crash',
  description:
    'The same four users and the same crash of app1 at 3 s, but the app servers keep sessions in Redis the way Spring Session does: a hash per session, read on every request and written back with lastAccessedTime and a fresh expiry (maxInactiveInterval, 10 s here instead of Spring’s 1800 s). The balancer is plain round-robin. The sessions are only as durable as Redis: this one keeps them in memory (appendonly off), so a Redis crash logs everyone out (the hunt finds that in its first runs).',
  watchFor:
    'The spring:session:sessions:… hashes on the redis card, their TTL bars refilled on every page. At the crash app1’s host resets the balancer’s connections, which takes app1 out at once (a request inside app1 would get a 502); then app2 serves everyone with the same cookies and nobody is logged out. The price: app.redis.trips.per.request, three Redis round trips (HGETALL, HSET, PEXPIRE) for every page.',
  tryThis: [
    { text: 'Crash redis instead (its menu): every request fails with 503, session store unavailable, yet nobody is logged out — until you restart it: it comes back empty (no persistence) and everyone is.' },
    { text: 'Set alice’s pageEveryMs to 11000: her session key expires in Redis between two pages (401, no session) — maxInactiveInterval doing its job, so no monitor complains.' },
    { text: 'Give redis a clock skew of +20000 ms: keys expire on Redis’s clock, so every session vanishes at once.' },
  ],
  scenario: sessionStore(true),
};
