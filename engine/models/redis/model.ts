import { z } from 'zod';
import type { ModelDef, Msg } from '../../core/types';
import { exec, formatReply, type RedisData, type RedisReply } from './commands';
import type { RedisCmd, RedisReplyMsg } from './messages';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'redis.exec': { client: string; argv: readonly string[]; reply: RedisReply };
    'redis.expire': { keys: string[] };
  }
}

export const redisParams = z
  .object({
    /** Active expiry cycles per second (Redis `hz`, default 10). */
    hz: z.number().int().min(1, { error: 'expected an integer from 1 to 500' }).max(500, { error: 'expected an integer from 1 to 500' }).default(10),
  })
  .strict();
export type RedisParams = z.infer<typeof redisParams>;

export interface RedisState {
  data: RedisData;
  /** Server time the next active-expiry cycle is due, or null when no key has a TTL. */
  cycleAt: number | null;
  hz: number;
}

const CYCLE = { kind: 'expire-cycle' } as const;

function nextExpiry(data: RedisData): number | null {
  let min: number | null = null;
  for (const k in data.keys) {
    const e = data.keys[k].expireAt;
    if (e !== null && (min === null || e < min)) min = e;
  }
  return min;
}

/**
 * Arms the active-expiry cycle. Real Redis runs it `hz` times a second; a tick that finds
 * nothing to expire changes nothing, so only the first tick after the earliest deadline is
 * scheduled. Keys vanish at the same moments as with the periodic cycle, without empty steps.
 */
function armCycle(s: RedisState, ctx: Parameters<NonNullable<ModelDef['start']>>[1]): RedisState {
  const next = nextExpiry(s.data);
  if (next === null) return s.cycleAt === null ? s : { ...s, cycleAt: null };
  const period = 1000 / s.hz;
  const at = Math.floor(next / period) * period + period;
  if (s.cycleAt !== null && s.cycleAt <= at && s.cycleAt > ctx.now) return s;
  ctx.setTimer(at - ctx.now, CYCLE);
  return { ...s, cycleAt: at };
}

/** A single Redis server: the command table over a keyspace with passive and active expiry. */
export const redisModel: ModelDef<RedisParams, RedisState> = {
  type: 'redis',
  init: (p) => ({ data: { keys: {} }, cycleAt: null, hz: p.hz }),
  start: (s) => ({ ...s, cycleAt: null }),
  onMessage(s, msg, from, ctx) {
    if (msg.type !== 'redis.cmd') return s;
    const cmd = msg as unknown as RedisCmd;
    const { data, reply } = exec(s.data, ctx.now, cmd.argv);
    ctx.trace('redis.exec', { client: from, argv: cmd.argv, reply });
    ctx.metric('redis.commands');
    const out: RedisReplyMsg = { type: 'redis.reply', id: cmd.id, reply };
    ctx.send(from, out);
    return armCycle(data === s.data ? s : { ...s, data }, ctx);
  },
  onTimer(s, _payload, ctx) {
    const expired: string[] = [];
    const keys = { ...s.data.keys };
    for (const k in keys) {
      const e = keys[k].expireAt;
      if (e !== null && e <= ctx.now) {
        expired.push(k);
        delete keys[k];
      }
    }
    if (expired.length > 0) ctx.trace('redis.expire', { keys: expired });
    return armCycle({ ...s, data: { keys }, cycleAt: null }, ctx);
  },
  // Redis here runs without persistence: a crash loses the keyspace.
  crash: (_s, p) => ({ data: { keys: {} }, cycleAt: null, hz: p.hz }),
  describeTimer: () => 'active expiry cycle',
  narrate(ev, name) {
    if (ev.type === 'redis.exec') return `${name(ev.node)} runs ${ev.argv.join(' ')} for ${name(ev.client)} → ${formatReply(ev.reply)}`;
    if (ev.type === 'redis.expire') return `${name(ev.node)} expires ${ev.keys.join(', ')} (TTL ran out on its clock)`;
    return undefined;
  },
  describeMessage(msg: Msg) {
    if (msg.type === 'redis.cmd') return (msg as unknown as RedisCmd).argv.join(' ');
    if (msg.type === 'redis.reply') return formatReply((msg as unknown as RedisReplyMsg).reply);
    return msg.type;
  },
};
