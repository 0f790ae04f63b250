import { timerOwner, type NoFields, type TimerOf } from '../../core/timer';

/**
 * The server's timers: the active expiry cycle's tick (`at`), a replication batch due after the
 * lag, the primary's heartbeat, the replica's watch on its primary, and a blocked client's
 * timeout (`id` and `client` name it, `at` is the tick it was aimed at, server time), and the
 * append-only file's next fsync (everysec) or OS writeback (no), at server time `at`.
 */
export type RedisTimers = {
  'expire-cycle': { at: number };
  'repl-flush': { offset: number };
  'repl-ping': NoFields;
  'replica-watch': NoFields;
  'block-timeout': { id: number; client: string; at: number };
  'aof-fsync': { at: number };
};

/** Payloads of the server's timers. */
export const REDIS_TIMERS = timerOwner<RedisTimers>('redis');

/** A payload of one of the server's timers. */
export type RedisTimer<T extends keyof RedisTimers = keyof RedisTimers> = TimerOf<RedisTimers, T>;
