// The Redis wire protocol as a client sees it: commands, replies and Pub/Sub pushes. The
// server's own messages (replication) are in engine/models/redis/messages.ts.

/**
 * A RESP-like reply: simple/bulk string, integer, nil, array, or error. An integer beyond
 * JavaScript's safe range (|n| > 2^53 - 1) is `{ int }`, its exact decimal text, so replies stay
 * plain JSON and exact.
 */
export type RedisReply = string | number | null | RedisReply[] | { error: string } | BigIntReply;

/** An integer reply too large for a double to hold exactly (see `intReply` in engine/models/redis/int64.ts). */
export interface BigIntReply {
  int: string;
}

/** A command sent to a Redis node. `id` matches the reply to the request. */
export interface RedisCmd {
  readonly type: 'redis.cmd';
  readonly id: number;
  readonly argv: readonly string[];
  /**
   * The client's connection it travels on, when the client holds one connection per purpose:
   * such a connection enters subscribed mode after SUBSCRIBE, as a real one does. Absent, the
   * command goes through the client node's pool (Pub/Sub on a dedicated connection, as Redisson
   * and Lettuce keep one), which is never refused for being subscribed.
   */
  readonly conn?: string;
}

/** Redis's answer to a command. */
export interface RedisReplyMsg {
  readonly type: 'redis.reply';
  readonly id: number;
  readonly reply: RedisReply;
}

/** A Pub/Sub message pushed to a subscribed client (RESP2's `message` frame). */
export interface RedisPushMsg {
  readonly type: 'redis.push';
  readonly channel: string;
  readonly message: string;
  /** The connection that subscribed (see `RedisCmd.conn`); absent for the client's pool. */
  readonly conn?: string;
}

/** Builds a command message, on connection `conn` of the client or (without it) its pool. */
export function redisCmd(id: number, argv: readonly string[], conn?: string): RedisCmd {
  return conn === undefined ? { type: 'redis.cmd', id, argv } : { type: 'redis.cmd', id, argv, conn };
}
