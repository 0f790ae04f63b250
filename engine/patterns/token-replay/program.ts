import { httpAnswer, httpSend, httpTimedOut, isHttpTimeout, startHttpIo, type HttpIo } from '../../clients/http/io';
import { httpStatus, type HttpRes, type Jwt } from '../../clients/http/messages';
import type { StolenCredentialMsg } from '../../clients/http/stolen';
import type { Msg } from '../../core/msg';
import { p } from '../../core/phrase';
import type { ProgramDef, ProgramView } from '../../core/program';
import { timerOwner, type NoFields } from '../../core/timer';
import type { Ctx } from '../../core/types';
import type { TokenReplayParams } from './params';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** The attacker replayed a stolen credential; `accepted` when the app served it. */
    'attacker.replay': { owner: string; cred: string | null; status: number; reason: string | null; server: string | null; accepted: boolean };
  }
}

export interface TokenReplayState {
  p: TokenReplayParams;
  io: HttpIo;
  /** The stolen credential, once it has one. */
  owner: string | null;
  cookie: string | null;
  token: Jwt | null;
  affinity: string | null;
  tries: number;
  accepted: number;
  refused: number;
  last: string | null;
}

/** The next replay of the stolen credential. */
const TIMERS = timerOwner<{ replay: NoFields }>('token-replay');

const credOf = (s: TokenReplayState) => s.cookie ?? s.token?.jti ?? null;

function replay(s: TokenReplayState, ctx: Ctx): TokenReplayState {
  const req = {
    op: 'get' as const,
    ...(s.cookie !== null ? { cookie: s.cookie } : {}),
    ...(s.token !== null ? { token: s.token } : {}),
    ...(s.affinity !== null ? { affinity: s.affinity } : {}),
  };
  return { ...s, tries: s.tries + 1, io: httpSend(s.io, s.p.target, req, s.p.timeoutMs, ctx) };
}

function onAnswer(s: TokenReplayState, res: HttpRes, ctx: Ctx): TokenReplayState {
  const accepted = res.status === 200;
  ctx.trace('attacker.replay', { owner: s.owner ?? '?', cred: credOf(s), status: res.status, reason: res.reason ?? null, server: res.server ?? null, accepted });
  ctx.metric(accepted ? 'attacker.accepted' : 'attacker.refused');
  if (s.tries < s.p.tries) ctx.setTimer(s.p.intervalMs, TIMERS.make('replay'));
  const last = accepted ? `accepted by ${res.server ?? '?'}` : `${res.status} ${res.reason ?? ''}`.trim();
  return accepted ? { ...s, accepted: s.accepted + 1, last } : { ...s, refused: s.refused + 1, last };
}

/**
 * An attacker holding a copy of someone's session cookie or token: it waits for the copy
 * (a `stolen.credential` message from the victim's node), then requests a page with it every
 * `intervalMs`. Whether the app still accepts it after the victim logged out is the lesson.
 */
export const tokenReplay: ProgramDef<TokenReplayParams, TokenReplayState> = {
  kind: 'token-replay',
  init: (p) => ({ p, io: { nextId: 1, pending: null }, owner: null, cookie: null, token: null, affinity: null, tries: 0, accepted: 0, refused: 0, last: null }),
  start: (s, ctx) => ({ ...tokenReplay.init(s.p), io: startHttpIo(ctx) }),
  onMessage(s, msg: Msg, _from, ctx) {
    if (msg.type === 'stolen.credential') {
      const m = msg as StolenCredentialMsg;
      const first = s.owner === null;
      const n: TokenReplayState = { ...s, owner: m.owner, cookie: m.cookie ?? null, token: m.token ?? null, affinity: m.affinity ?? null };
      return first ? replay(n, ctx) : n;
    }
    const a = httpAnswer(s.io, msg, ctx);
    return a ? onAnswer({ ...s, io: a.io }, a.res, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const t = httpTimedOut(s.io, payload);
    if (t) return onAnswer({ ...s, io: t.io }, t.res, ctx);
    if (TIMERS.match(payload) === null || s.owner === null || s.io.pending !== null) return s;
    return replay(s, ctx);
  },
  view(s): ProgramView {
    if (s.owner === null) return { status: 'idle', detail: p('pattern.token-replay.waitingCred') };
    const tally = p('pattern.token-replay.tally', { accepted: s.accepted, refused: s.refused });
    if (s.tries >= s.p.tries && s.io.pending === null) return { status: 'done', detail: p('pattern.token-replay.done', { owner: s.owner, cred: String(credOf(s)), tally }) };
    // Red once the app turns the copy away: the attack has stopped working.
    const refusedNow = s.last !== null && !s.last.startsWith('accepted');
    return { status: refusedNow ? 'failed' : 'working', detail: p('pattern.token-replay.replaying', { owner: s.owner, cred: String(credOf(s)), tally }) };
  },
  describeTimer: (payload) => p(isHttpTimeout(payload) ? 'pattern.token-replay.timerTimeout' : 'pattern.token-replay.timerReplay'),
  narrate(ev, name) {
    if (ev.type !== 'attacker.replay') return undefined;
    return ev.accepted
      ? p('pattern.token-replay.accepted', { node: name(ev.node), owner: ev.owner, cred: ev.cred ?? p('pattern.token-replay.credential'), server: name(ev.server ?? '?') })
      : p('pattern.token-replay.refused', { node: name(ev.node), owner: ev.owner, cred: ev.cred ?? p('pattern.token-replay.credential'), status: httpStatus(ev.status, ev.reason) });
  },
};
