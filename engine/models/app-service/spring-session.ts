import type { RedisReply } from '../../clients/redis/protocol';

/**
 * Spring Session's Redis layout (RedisSessionRepository): one hash per session under
 * `spring:session:sessions:<id>` with creationTime, lastAccessedTime (epoch ms of the app's
 * clock), maxInactiveInterval (seconds) and one `sessionAttr:<name>` field per attribute. Each
 * save writes the changed fields, then sets the key to expire maxInactiveInterval after the
 * last access; each load also checks expiry on the app's own clock.
 */

/** The key of session `sid`. */
export const sessionKey = (sid: string) => `spring:session:sessions:${sid}`;

/** HSET for a new session of `user` created at `now` (ms of the app's clock). */
export function createArgv(sid: string, user: string, now: number, maxInactiveMs: number): string[] {
  const t = String(Math.floor(now));
  return ['HSET', sessionKey(sid), 'creationTime', t, 'lastAccessedTime', t, 'maxInactiveInterval', String(maxInactiveMs / 1000), 'sessionAttr:user', user];
}

/** HSET that records an access at `now`. */
export function touchArgv(sid: string, now: number): string[] {
  return ['HSET', sessionKey(sid), 'lastAccessedTime', String(Math.floor(now))];
}

/** PEXPIRE that keeps the key for one more maxInactiveInterval. */
export function expireArgv(sid: string, maxInactiveMs: number): string[] {
  return ['PEXPIRE', sessionKey(sid), String(maxInactiveMs)];
}

/** A session as loaded by HGETALL: null when the key is missing (or the reply is not a hash). */
export interface LoadedSession {
  user: string | null;
  lastAccessedTime: number;
  maxInactiveMs: number;
}

/** Reads an HGETALL reply (a flat [field, value, …] list). */
export function parseSession(reply: RedisReply): LoadedSession | null {
  if (!Array.isArray(reply) || reply.length === 0) return null;
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) f[String(reply[i])] = String(reply[i + 1]);
  return {
    user: f['sessionAttr:user'] ?? null,
    lastAccessedTime: Number(f.lastAccessedTime ?? 0),
    maxInactiveMs: Number(f.maxInactiveInterval ?? 0) * 1000,
  };
}

/** Spring's MapSession.isExpired: idle for maxInactiveInterval or more, on the app's clock. */
export function isExpired(s: { lastAccessedTime: number; maxInactiveMs: number }, now: number): boolean {
  return s.maxInactiveMs > 0 && now - s.maxInactiveMs >= s.lastAccessedTime;
}
