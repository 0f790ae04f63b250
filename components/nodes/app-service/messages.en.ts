/** English messages of `node.app-service` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  summary: '{served} served · {refused} refused',
  sessionsInMemory: 'sessions in memory',
  sessionsIn: 'sessions in {where}',
  redisNotLinked: 'redis (not linked)',
  refresh: 'refresh',
  denylist: 'denylist',
  noSessions: 'no sessions in memory',
  noSessionRedis: 'keeps no session itself: loads it from Redis on every request',
  noSessionJwt: 'keeps no session: checks signature and exp on its own clock',
  served: ' served',
  refused: ' refused',
  failed: ' failed',
  waitingRedis: ' · {n} waiting on Redis',
  jwt: 'JWT · exp {exp}',
} as const satisfies Record<string, string>;
