import { formatReply } from '../../clients/redis/format-reply';
import { redisCmd, type RedisReplyMsg } from '../../clients/redis/protocol';
import { commandLine } from '../../clients/redis/scripts';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { RedisScriptParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    'client.reply': { argv: readonly string[]; reply: unknown; latencyMs: number };
  }
}

export interface RedisScriptState {
  p: RedisScriptParams;
  next: number;
  /** Request id and send time of the command awaiting its reply. */
  pending: { id: number; sentAt: number } | null;
  lastReply: string | null;
  done: boolean;
}

/** The next command, intervalMs after a reply (the program's only timer). */
const TIMERS = timerOwner<{ next: NoFields }>('redis-script');

/** Sends a fixed list of Redis commands one after another: the simplest client. */
export const redisScript: ProgramDef<RedisScriptParams, RedisScriptState> = {
  kind: 'redis-script',
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
    ctx.setTimer(s.p.intervalMs, TIMERS.make('next'));
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
  describeTimer: () => p('pattern.redis-script.timerNext'),
  narrate(ev, name) {
    if (ev.type !== 'client.reply') return undefined;
    return p('pattern.redis-script.gets', { node: name(ev.node), reply: formatReply(ev.reply as never), command: commandLine(ev.argv), ms: Math.round(ev.latencyMs) });
  },
};

function sendNext(s: RedisScriptState, ctx: Parameters<ProgramDef['start']>[1]): RedisScriptState {
  if (s.next >= s.p.commands.length && !s.p.loop) return { ...s, done: true };
  const i = s.next % s.p.commands.length;
  const id = Math.floor(ctx.random() * 2 ** 31);
  ctx.send(s.p.target, redisCmd(id, s.p.commands[i]));
  return { ...s, next: i + 1, pending: { id, sentAt: ctx.now } };
}
