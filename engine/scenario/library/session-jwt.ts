import { clientNode, link } from './lock-helpers';
import type { BuiltinScenario } from './types';

/** alice browses, her token is stolen after `leakAtPage` pages, and she logs out after `pages`. */
const alice = (pages: number, leakAtPage: number) => ({ kind: 'web-user', target: 'lb', user: 'alice', pageEveryMs: 600, pages, leakTo: 'mallory', leakAtPage });
const bob = (pages: number) => ({ kind: 'web-user', target: 'lb', user: 'bob', startDelayMs: 200, pageEveryMs: 900, pages, logout: false });
const mallory = { kind: 'token-replay', target: 'lb', intervalMs: 500, tries: 40 };

function jwtScenario(denylist: boolean): BuiltinScenario['scenario'] {
  const id = denylist ? 'session-jwt-denylist' : 'session-jwt';
  const app = denylist ? { auth: 'jwt', tokenTtlMs: 5000, refreshTtlMs: 60_000, leewayMs: 0, denylist: true, redisTimeoutMs: 500 } : { auth: 'jwt', tokenTtlMs: 15_000, leewayMs: 0 };
  return {
    version: 1,
    id,
    title: denylist ? 'Short-lived tokens, refresh tokens and a denylist: logout sticks' : 'Stateless JWT: a logout cannot revoke a stolen token',
    seed: 3,
    // Columns users | balancer | apps | store, 400 apart, and rows 260 apart: clear of each other on a desktop and, transposed, on a phone.
    nodes: [
      clientNode('alice', 0, 0, denylist ? alice(10, 9) : alice(8, 3)),
      { id: 'mallory', type: 'attacker', label: 'mallory', position: { x: 0, y: 260 }, params: { program: mallory } },
      clientNode('bob', 0, 520, bob(denylist ? 16 : 20)),
      { id: 'lb', type: 'lb', label: 'load balancer', position: { x: 400, y: 260 }, params: { policy: 'round-robin', healthEveryMs: 1000, timeoutMs: 1000 } },
      { id: 'app1', type: 'app', label: 'app1', position: { x: 800, y: 0 }, params: app },
      { id: 'app2', type: 'app', label: 'app2', position: { x: 800, y: 520 }, params: app },
      ...(denylist ? [{ id: 'redis', type: 'redis', label: 'redis', position: { x: 1200, y: 260 }, params: {} }] : []),
    ],
    edges: [link('alice', 'lb'), link('bob', 'lb'), link('mallory', 'lb'), link('alice', 'mallory'), link('lb', 'app1'), link('lb', 'app2'), ...(denylist ? [link('app1', 'redis'), link('app2', 'redis')] : [])],
    monitors: ['no-access-after-logout', 'no-unexpected-logout'],
    interventions: [],
    playback: { startMs: 0, speed: 1, untilMs: denylist ? 14_000 : 20_000 },
  };
}

export const sessionJwt: BuiltinScenario = {
  id: 'session-jwt',
  topic: 'sessions',
  title: 'Stateless JWT: a logout cannot revoke a stolen token',
  description:
    'alice and bob log in and get signed access tokens valid 15 s; the app servers keep nothing and check each token’s signature and exp on their own clocks. After her third page alice’s token is stolen (a copy travels over the link to mallory), and she logs out at about 5 s. mallory replays the token every 500 ms.',
  watchFor:
    'alice’s logout changes nothing on the servers: mallory’s replays keep getting 200 until the token’s exp at about 15 s — no-access-after-logout fires on the first one, and auth.revoked.accepted counts them all. bob meanwhile is logged out when his own token expires and has to log in again: without refresh tokens, a long exp is the only way to keep users logged in.',
  tryThis: [
    { text: 'Open session-jwt-denylist: short access tokens, refresh tokens and a Redis denylist close the hole.', change: { open: 'session-jwt-denylist' } },
    { text: 'Skew app2’s clock by −5000 ms: it checks exp on its own clock and accepts the stolen token 5 s longer than app1.' },
    { text: 'Lower the apps’ tokenTtlMs to 4000: the stolen token dies sooner, but bob has to log in again every 4 s.' },
  ],
  scenario: jwtScenario(false),
};

export const sessionJwtDenylist: BuiltinScenario = {
  id: 'session-jwt-denylist',
  topic: 'sessions',
  title: 'Short-lived tokens, refresh tokens and a denylist: logout sticks',
  description:
    'Access tokens now live 5 s; users trade an expired one for a new pair with a refresh token kept in Redis and rotated on each use. Logout puts the access token on a Redis denylist until its exp and deletes the refresh token; every request checks the denylist. alice’s token is stolen right before she logs out. Rotation has a cost of its own: a refresh whose answer is lost leaves the user with a refresh token already used, its retry is refused, and the user is logged out (the hunt finds it with message loss).',
  watchFor:
    'mallory’s replays are accepted while alice is still logged in (nothing can tell a stolen token from hers), then refused — 401 token revoked — from her logout on, and token expired once its exp passes. no-access-after-logout stays green. bob refreshes every 5 s without noticing. The cost: app.redis.trips.per.request, a denylist check on every page.',
  tryThis: [
    { text: 'Set the apps’ denylist to false: mallory gets in after the logout again, but only until the 5 s token expires — short tokens bound the damage.' },
    { text: 'Crash redis at 8 s and restart it at 8.5 s: it comes back without the denylist (no persistence) and the revoked token works again.' },
    { text: 'Crash app1 at 3 s: the balancer routes around it and nobody is logged out — the servers share no session state.' },
  ],
  scenario: jwtScenario(true),
};
