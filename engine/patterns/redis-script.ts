import { z } from 'zod';
import { formatReply } from '../models/redis/commands';
import { redisCmd, type RedisReplyMsg } from '../models/redis/messages';
import type { ProgramDef } from './program';

declare module '../core/trace-types' {
  interface TraceEventMap {
    'client.reply': { argv: readonly string[]; reply: unknown; latencyMs: number };
  }
}

const nodeRef = z.string().min(1, { error: 'expected a node id' });

export const redisScriptParams = z
  .object({
    kind: z.literal('redis-script'),
    /** The Redis node to talk to. */
    target: nodeRef,
    /** Commands sent one at a time, each after the previous reply. */
    commands: z.array(z.array(z.string().max(200)).min(1, { error: 'expected a command' })).min(1).max(200),
    /** Pause between a reply and the next command (ms). */
    intervalMs: z.number().min(0, { error: 'expected a number >= 0' }).max(3_600_000).default(100),
    /** Start over after the last command. */
    loop: z.boolean().default(false),
  })
  .strict();
export type RedisScriptParams = z.infer<typeof redisScriptParams>;

export interface RedisScriptState {
  p: RedisScriptParams;
  next: number;
  /** Request id and send time of the command awaiting its reply. */
  pending: { id: number; sentAt: number } | null;
  lastReply: string | null;
  done: boolean;
}

/** Sends a fixed list of Redis commands one after another: the simplest client. */
export const redisScript: ProgramDef<RedisScriptParams, RedisScriptState> = {
  kind: 'redis-script',
  title: 'Redis command script',
  params: redisScriptParams,
  needs: ['redis'],
  init: (p) => ({ p, next: 0, pending: null, lastReply: null, done: false }),
  start(s, ctx) {
    return sendNext({ ...s, pending: null }, ctx);
  },
  onMessage(s, msg, _from, ctx) {
    if (msg.type !== 'redis.reply' || !s.pending) return s;
    const r = msg as unknown as RedisReplyMsg;
    if (r.id !== s.pending.id) return s;
    const argv = s.p.commands[(s.next - 1 + s.p.commands.length) % s.p.commands.length];
    ctx.trace('client.reply', { argv, reply: r.reply, latencyMs: ctx.now - s.pending.sentAt });
    const next = { ...s, pending: null, lastReply: formatReply(r.reply) };
    const more = next.next < s.p.commands.length || s.p.loop;
    if (!more) return { ...next, done: true };
    ctx.setTimer(s.p.intervalMs, 'next');
    return next;
  },
  onTimer(s, _payload, ctx) {
    return sendNext(s, ctx);
  },
  view(s) {
    if (s.done) return { status: 'done', detail: s.lastReply ?? undefined };
    if (s.pending) return { status: 'waiting', detail: s.p.commands[(s.next - 1 + s.p.commands.length) % s.p.commands.length].join(' ') };
    return { status: 'idle', detail: s.lastReply ?? undefined };
  },
  describeTimer: () => 'next command',
  narrate(ev, name) {
    if (ev.type !== 'client.reply') return undefined;
    return `${name(ev.node)} gets ${formatReply(ev.reply as never)} for ${ev.argv.join(' ')} after ${Math.round(ev.latencyMs)} ms`;
  },
};

function sendNext(s: RedisScriptState, ctx: Parameters<ProgramDef['start']>[1]): RedisScriptState {
  if (s.next >= s.p.commands.length && !s.p.loop) return { ...s, done: true };
  const i = s.next % s.p.commands.length;
  const id = Math.floor(ctx.random() * 2 ** 31);
  ctx.send(s.p.target, redisCmd(id, s.p.commands[i]));
  return { ...s, next: i + 1, pending: { id, sentAt: ctx.now } };
}
