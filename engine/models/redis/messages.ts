import type { RedisCmd, RedisPushMsg, RedisReplyMsg } from '../../clients/redis/protocol';
import type { RedisEntry } from './keyspace';

/** One key's new value (null: deleted) in the replication stream. */
export interface ReplOp {
  readonly key: string;
  readonly entry: RedisEntry | null;
}

/**
 * One write's effects, as the primary streams them: the keys it changed (with absolute expiry
 * times on the primary's clock, as Redis 7 rewrites relative TTLs to PXAT) and the messages it
 * published. `argv` is the command, for narration.
 */
export interface ReplBatch {
  readonly offset: number;
  readonly argv: readonly string[];
  readonly ops: readonly ReplOp[];
  readonly pubs: readonly { channel: string; message: string }[];
}

/** Replica -> primary: asks for a full copy (PSYNC that cannot continue). */
export interface RedisSyncMsg {
  readonly type: 'redis.sync';
}

/** Primary -> replica: the whole keyspace at replication offset `offset` (the RDB transfer). */
export interface RedisFullSyncMsg {
  readonly type: 'redis.fullsync';
  readonly keys: Readonly<Record<string, RedisEntry>>;
  readonly offset: number;
}

/** Primary -> replica: one write, after the replication lag. */
export interface RedisReplMsg {
  readonly type: 'redis.repl';
  readonly batch: ReplBatch;
}

/** Primary -> replica heartbeat with the last offset sent (repl-ping-replica-period). */
export interface RedisReplPingMsg {
  readonly type: 'redis.repl.ping';
  readonly offset: number;
}

/**
 * A restarted primary -> its neighbours: stands in for the TCP reset a replica would see when
 * its primary's process comes back, so the replica reconnects and resyncs at once.
 */
export interface RedisReplResetMsg {
  readonly type: 'redis.repl.reset';
}

export type RedisMsg = RedisCmd | RedisReplyMsg | RedisPushMsg | RedisSyncMsg | RedisFullSyncMsg | RedisReplMsg | RedisReplPingMsg | RedisReplResetMsg;

/**
 * Who a subscription belongs to, as `data.subs` lists it: the client node id for its pool, or
 * `<client>#<conn>` for one of its connections (node ids never contain '#').
 */
export function subscriberOf(client: string, conn: string | undefined): string {
  return conn === undefined ? client : `${client}#${conn}`;
}

/** The client node and connection behind a subscriber id from `data.subs`. */
export function subscriberNode(sub: string): { node: string; conn?: string } {
  const i = sub.indexOf('#');
  return i < 0 ? { node: sub } : { node: sub.slice(0, i), conn: sub.slice(i + 1) };
}
