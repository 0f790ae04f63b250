import type { SimSpec } from '../core/simulation';
import type { ModelDef } from '../core/types';
import { redisCmd, type RedisPushMsg, type RedisReply, type RedisReplyMsg } from '../clients/redis/protocol';
import { redisModel } from '../models/redis/model';
import type { Harness } from './harness';
import { scriptedPeer, type PeerState, type StepBase } from './peer';

/** A command a Redis test peer sends at true time `at`. */
export interface RedisStep extends StepBase {
  argv: string[];
  /** The client connection it goes on (see `RedisCmd.conn`); absent: the client's pool. */
  conn?: string;
}

/** A scripted Redis client (node type `tclient`): step `i` goes out as command id `i`. */
export const redisPeer = scriptedPeer<RedisStep>('tclient', (st, i) => redisCmd(i, st.argv, st.conn));

/** The registry Redis model tests run with. */
export const REDIS_MODELS = { redis: redisModel, tclient: redisPeer } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

/** A node running the scripted Redis client. */
export const redisClient = (id: string, target: string, steps: RedisStep[]): SimSpec['nodes'][number] => ({ id, type: 'tclient', params: { target, steps } });

const gotOf = (h: Harness, id: string) => (h.sim.node(id).state as PeerState<RedisStep>).got;

/** The replies client `id` received, by step index, with the local time each arrived. */
export function repliesOf(h: Harness, id: string): Record<number, { at: number; reply: RedisReply }> {
  const out: Record<number, { at: number; reply: RedisReply }> = {};
  for (const g of gotOf(h, id)) if (g.msg.type === 'redis.reply') out[(g.msg as RedisReplyMsg).id] = { at: g.at, reply: (g.msg as RedisReplyMsg).reply };
  return out;
}

/** The Pub/Sub messages client `id` received, in order; `conn` when one came on a named connection. */
export function pushesOf(h: Harness, id: string): { at: number; from: string; channel: string; message: string; conn?: string }[] {
  return gotOf(h, id)
    .filter((g) => g.msg.type === 'redis.push')
    .map((g) => {
      const m = g.msg as RedisPushMsg;
      const push = { at: g.at, from: g.from, channel: m.channel, message: m.message };
      return m.conn === undefined ? push : { ...push, conn: m.conn };
    });
}
