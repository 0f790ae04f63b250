/** English messages of `model.app-service` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  timerRedis: 'no reply from Redis: the request fails',
  handle: "{node} answers {origin}'s {route, select, login {login} get {page request} logout {logout} other {token refresh}}: {result}{trips, plural, =0 {} one { after # Redis round trip} other { after # Redis round trips}}",
  createMemory: "{node} logs {user} in: session {sid} lives only in {node}'s memory",
  createRedis: '{node} logs {user} in: session {sid} saved in {where}, expiring after {idle} idle',
  destroy: "{node} invalidates {hasUser, select, yes {{user}'s session} other {the session}} {sid}{del}",
  destroyDel: ' (DEL in {where})',
  destroyIdle: '{node} finds session {sid} idle past maxInactiveInterval and drops it',
  issueRefresh: '{node} issues refresh token {jti} for {sub}, valid {ttl}{parent}',
  rotated: ' (rotated: {parent} is used up)',
  issueAccess: '{node} signs an access token {jti} for {sub}, valid {ttl}{parent}',
  exchange: ' (in exchange for refresh token {parent})',
  revokeDeny: '{node} logs {sub} out and denylists token {jti} for the {left} it has left',
  revokeStateless: '{node} logs {sub} out, but a stateless token cannot be taken back: {jti} stays valid {left} more, until its exp',
} as const satisfies Record<string, string>;
