import type { RedisReply } from './commands';

/** A command sent to a Redis node. `id` matches the reply to the request. */
export interface RedisCmd {
  readonly type: 'redis.cmd';
  readonly id: number;
  readonly argv: readonly string[];
}

/** Redis's answer to a command. */
export interface RedisReplyMsg {
  readonly type: 'redis.reply';
  readonly id: number;
  readonly reply: RedisReply;
}

/** Builds a command message. */
export function redisCmd(id: number, argv: readonly string[]): RedisCmd {
  return { type: 'redis.cmd', id, argv };
}
