import type { SimSpec } from '../../core/simulation';
import type { ModelDef, Msg } from '../../core/types';
import type { RedisReply } from './keyspace';
import { redisCmd, type RedisPushMsg, type RedisReplyMsg } from './messages';
import { redisModel } from './model';

/** A command a test client sends at true time `at` (its clock is unskewed), to `to` or its target. */
export interface TestStep {
  at: number;
  argv: string[];
  to?: string;
  /** The client connection it goes on (see `RedisCmd.conn`); absent: the client's pool. */
  conn?: string;
}

export interface TestClientParams {
  target: string;
  steps: TestStep[];
}

export interface TestClientState {
  p: TestClientParams;
  /** Replies by step index, with the local time they arrived. */
  replies: Record<number, { at: number; reply: RedisReply }>;
  pushes: { at: number; from: string; channel: string; message: string; conn?: string }[];
}

/**
 * A client for Redis model tests: fires its commands at fixed times (not waiting for replies)
 * and records what comes back. Tests only; scenarios use the programs in engine/patterns.
 */
export const testClient: ModelDef<TestClientParams, TestClientState> = {
  type: 'tclient',
  init: (p) => ({ p, replies: {}, pushes: [] }),
  start(s, ctx) {
    s.p.steps.forEach((st, i) => ctx.setTimer(st.at - ctx.now, i));
    return s;
  },
  onTimer(s, payload, ctx) {
    const i = payload as number;
    const st = s.p.steps[i];
    ctx.send(st.to ?? s.p.target, redisCmd(i, st.argv, st.conn));
    return s;
  },
  onMessage(s, msg: Msg, from, ctx) {
    if (msg.type === 'redis.reply') {
      const r = msg as RedisReplyMsg;
      return { ...s, replies: { ...s.replies, [r.id]: { at: ctx.now, reply: r.reply } } };
    }
    if (msg.type === 'redis.push') {
      const m = msg as RedisPushMsg;
      const push = { at: ctx.now, from, channel: m.channel, message: m.message };
      return { ...s, pushes: [...s.pushes, m.conn === undefined ? push : { ...push, conn: m.conn }] };
    }
    return s;
  },
};

/** The registry Redis model tests run with. */
export const REDIS_TEST_MODELS = { redis: redisModel, tclient: testClient } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

/** Links every pair given with a fixed 5 ms latency (the default link). */
export function testSpec(nodes: SimSpec['nodes'], pairs: [string, string][], seed = 1): SimSpec {
  return { seed, nodes, links: pairs.map(([a, b]) => ({ id: `${a}-${b}`, source: a, target: b })) };
}
