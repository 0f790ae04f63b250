import { isConnectionClosed } from '../../core/connection';
import { formatReply } from '../../clients/redis/format-reply';
import { redisCmd, type RedisCmd, type RedisReply, type RedisReplyMsg } from '../../clients/redis/protocol';
import type { Msg } from '../../core/msg';
import { p, type Arg, type Phrase } from '../../core/phrase';
import { timerOwner } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import type { en } from './messages.en';
import type { SentinelParams } from './params';
import type { FailoverState, Instance, SentinelRequest, SentinelState } from './state';

/** A phrase of this model's messages. */
const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`model.sentinel.${key}`, args);

// Redis Sentinel (redis/src/sentinel.c, 7.x) as plain data and pure handlers. The timer runs
// sentinelHandleRedisInstance for the primary, its replicas and the other sentinels: PING and
// INFO (monitoring half), then SDOWN, ODOWN, the failover state machine and the
// is-master-down-by-addr questions (acting half). Constants are sentinel.c's.

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** +sdown / -sdown: no valid PING reply from `instance` for down-after-milliseconds, or one again. */
    'sentinel.sdown': { instance: string; kind: Instance['kind']; down: boolean; silentMs: number };
    /** +odown / -odown: `votes` sentinels (this one included) think the primary is down, `quorum` needed. */
    'sentinel.odown': { master: string; down: boolean; votes: number; quorum: number };
    /** +try-failover with +new-epoch: this sentinel starts a failover and asks the others to vote for it. */
    'sentinel.try-failover': { master: string; epoch: number };
    /** +vote-for-leader: this sentinel gives its one vote of `epoch` to `leader` (asked by `asker`). */
    'sentinel.vote': { master: string; leader: string; epoch: number; asker: string };
    /** +elected-leader: a majority of all sentinels (and at least quorum) voted for this one. */
    'sentinel.elected': { master: string; epoch: number; votes: number; needed: number };
    /** -failover-abort-*: the failover it started stops here. */
    'sentinel.abort': { master: string; epoch: number; reason: 'not-elected' | 'no-good-slave' | 'slave-timeout' };
    /** +selected-slave: the replica it will promote, and why it ranks first. */
    'sentinel.selected': { master: string; replica: string; priority: number; offset: number; candidates: number };
    /** SLAVEOF sent: NO ONE (primary null) to promote, or a primary to follow. */
    'sentinel.slaveof': { instance: string; primary: string | null; why: 'promote' | 'reconf' | 'convert' | 'fix' };
    /** +promoted-slave: the replica reports it is a primary now; the new configuration gets the failover's epoch. */
    'sentinel.promoted': { replica: string; epoch: number };
    /** +slave-reconf-done: a replica follows the new primary. */
    'sentinel.reconf-done': { replica: string; primary: string };
    /** +failover-end (or +failover-end-for-timeout). */
    'sentinel.failover-end': { master: string; timeout: boolean };
    /** +switch-master: this sentinel now names `to` as the primary (after its own failover, or a newer configuration from another sentinel). */
    'sentinel.switch-master': { name: string; from: string; to: string; epoch: number; how: 'failover' | 'hello' };
    /** +slave: a replica found in the primary's INFO. */
    'sentinel.slave': { replica: string; master: string };
    /** +tilt / -tilt: the timer ran too late (or the clock went back): it watches but does not act for 30 s. */
    'sentinel.tilt': { on: boolean; deltaMs: number };
    /** SENTINEL get-master-addr-by-name, answered. */
    'sentinel.lookup': { client: string; name: string; primary: string | null };
  }
}

/** Periods and limits from sentinel.c. */
const PING_PERIOD = 1000;
const INFO_PERIOD = 10_000;
const ASK_PERIOD = 1000;
const PUBLISH_PERIOD = 2000;
const TILT_TRIGGER = 2000;
const TILT_PERIOD = PING_PERIOD * 30;
const SLAVE_RECONF_TIMEOUT = 10_000;
const ELECTION_TIMEOUT = 10_000;
const MAX_DESYNC = 1000;
const MAX_PENDING = 100;
/** Redis's default replica-priority when INFO does not say. */
const DEFAULT_PRIORITY = 100;
const PORT = '6379';
export const HELLO_CHANNEL = '__sentinel__:hello';

const TIMERS = timerOwner<{ tick: Record<never, never> }>('sentinel');

function newInstance(id: string, kind: Instance['kind'], now: number): Instance {
  // createInstanceLink: act_ping_time = now, so an instance never reached goes SDOWN too.
  return {
    id,
    kind,
    disconnected: false,
    lastReconn: null,
    actPing: now,
    lastPing: null,
    lastPong: now,
    lastAvail: now,
    sdown: false,
    sdownSince: null,
    infoRefresh: null,
    roleReported: kind === 'slave' ? 'slave' : kind === 'master' ? 'master' : null,
    roleReportedTime: now,
    confChangeTime: now,
    slaveMaster: null,
    linkUp: false,
    linkDown: false,
    offset: 0,
    priority: DEFAULT_PRIORITY,
    promoted: false,
    reconf: 'none',
    reconfSentAt: 0,
    masterDown: false,
    lastMasterDownReply: null,
    leader: null,
    leaderEpoch: 0,
  };
}

function initState(p: SentinelParams): SentinelState {
  return {
    name: p.masterName ?? 'mymaster',
    quorum: p.quorum ?? 2,
    downAfterMs: p.downAfterMs ?? 30_000,
    failoverTimeoutMs: p.failoverTimeoutMs ?? 180_000,
    parallelSyncs: p.parallelSyncs ?? 1,
    configuredPeers: p.sentinels ?? null,
    master: newInstance(p.monitor, 'master', 0),
    slaves: [],
    sentinels: [],
    odown: false,
    odownSince: null,
    currentEpoch: 0,
    configEpoch: 0,
    leader: null,
    leaderEpoch: 0,
    failover: 'none',
    failoverEpoch: 0,
    failoverStartTime: null,
    failoverStateChange: 0,
    promoted: null,
    tiltSince: null,
    previousTime: 0,
    lastHello: 0,
    pending: [],
    nextId: 1,
    restarts: 0,
  };
}

// ---- instances ----

type Where = 'master' | 'slaves' | 'sentinels';

/** Where the instance `id` is, and itself; the primary first. */
function find(s: SentinelState, id: string): { where: Where; inst: Instance } | null {
  if (s.master.id === id) return { where: 'master', inst: s.master };
  const sl = s.slaves.find((x) => x.id === id);
  if (sl) return { where: 'slaves', inst: sl };
  const se = s.sentinels.find((x) => x.id === id);
  return se ? { where: 'sentinels', inst: se } : null;
}

/** `s` with the instance `id` changed by `f`. */
function update(s: SentinelState, id: string, f: (i: Instance) => Instance): SentinelState {
  if (s.master.id === id) return { ...s, master: f(s.master) };
  if (s.slaves.some((x) => x.id === id)) return { ...s, slaves: s.slaves.map((x) => (x.id === id ? f(x) : x)) };
  if (s.sentinels.some((x) => x.id === id)) return { ...s, sentinels: s.sentinels.map((x) => (x.id === id ? f(x) : x)) };
  return s;
}

const pendingTo = (s: SentinelState, id: string, what?: SentinelRequest['what']) => s.pending.filter((r) => r.to === id && (what === undefined || r.what === what)).length;

/** Sends one command to an instance and remembers it, so the reply can be matched. */
function command(s: SentinelState, to: string, argv: readonly string[], what: SentinelRequest['what'], ctx: Ctx): SentinelState {
  const id = s.nextId;
  ctx.send(to, redisCmd(id, argv));
  return { ...s, nextId: id + 1, pending: [...s.pending, { id, to, what }] };
}

function sendPing(s: SentinelState, i: Instance, ctx: Ctx): SentinelState {
  const n = command(s, i.id, ['PING'], 'ping', ctx);
  // The active ping time moves only once the previous ping was answered.
  return update(n, i.id, (x) => ({ ...x, lastPing: ctx.now, actPing: x.actPing ?? ctx.now }));
}

/** Hello: `ip,port,runid,current_epoch,master_name,master_ip,master_port,master_config_epoch`. */
function helloPayload(s: SentinelState, self: string): string {
  return [self, '26379', self, s.currentEpoch, s.name, currentMasterAddress(s), PORT, s.configEpoch].join(',');
}

function sendHello(s: SentinelState, peer: Instance, ctx: Ctx): SentinelState {
  return command(s, peer.id, ['PUBLISH', HELLO_CHANNEL, helloPayload(s, ctx.self)], 'hello', ctx);
}

/** sentinelSendPeriodicCommands for one instance. */
function periodic(s: SentinelState, i: Instance, ctx: Ctx): SentinelState {
  const now = ctx.now;
  if (i.disconnected) {
    // sentinelReconnectInstance: one attempt per ping period (counted from the last attempt, so
    // the first comes at once), which sends a PING "ASAP"; nothing else until it answers.
    if (i.lastReconn !== null && now - i.lastReconn < PING_PERIOD) return s;
    return sendPing(update(s, i.id, (x) => ({ ...x, lastReconn: now })), i, ctx);
  }
  if (pendingTo(s, i.id) >= MAX_PENDING) return s;
  let n = s;
  if (i.kind !== 'sentinel') {
    const fast = i.kind === 'slave' && (s.odown || s.failover !== 'none' || i.linkDown);
    const period = fast ? 1000 : INFO_PERIOD;
    // One INFO at a time (sentinel.c may queue more on a hung link; the answer is the same).
    if ((i.infoRefresh === null || now - i.infoRefresh > period) && pendingTo(n, i.id, 'info') === 0) n = command(n, i.id, ['INFO'], 'info', ctx);
  }
  const pingPeriod = Math.min(s.downAfterMs, PING_PERIOD);
  // A fresh link is pinged at once (sentinelReconnectInstance), then once the last reply is older than the period.
  if (i.lastPing === null || (now - i.lastPong > pingPeriod && now - i.lastPing > pingPeriod / 2)) n = sendPing(n, i, ctx);
  if (i.kind === 'sentinel' && now - n.lastHello > PUBLISH_PERIOD) n = sendHello(n, i, ctx);
  return n;
}

/** sentinelCheckSubjectivelyDown. */
function checkSdown(s: SentinelState, i: Instance, ctx: Ctx): SentinelState {
  const now = ctx.now;
  const elapsed = i.actPing !== null ? now - i.actPing : i.disconnected ? now - i.lastAvail : 0;
  const down = elapsed > s.downAfterMs || (i.kind === 'master' && i.roleReported === 'slave' && now - i.roleReportedTime > s.downAfterMs + INFO_PERIOD * 2);
  if (down === i.sdown) return s;
  ctx.trace('sentinel.sdown', { instance: i.id, kind: i.kind, down, silentMs: now - i.lastAvail });
  return update(s, i.id, (x) => ({ ...x, sdown: down, sdownSince: down ? now : x.sdownSince }));
}

/** sentinelCheckObjectivelyDown: SDOWN here plus the peers that last said "down". */
function checkOdown(s: SentinelState, ctx: Ctx): SentinelState {
  let votes = 0;
  if (s.master.sdown) votes = 1 + s.sentinels.filter((x) => x.masterDown).length;
  const odown = s.master.sdown && votes >= s.quorum;
  if (odown === s.odown) return s;
  ctx.trace('sentinel.odown', { master: s.master.id, down: odown, votes, quorum: s.quorum });
  return { ...s, odown, odownSince: odown ? ctx.now : s.odownSince };
}

/** sentinelAskMasterStateToOtherSentinels. */
function askOthers(s: SentinelState, forced: boolean, ctx: Ctx): SentinelState {
  let n = s;
  for (const peer of s.sentinels) {
    const since = peer.lastMasterDownReply === null ? Infinity : ctx.now - peer.lastMasterDownReply;
    if (since > ASK_PERIOD * 5 && (peer.masterDown || peer.leader !== null)) n = update(n, peer.id, (x) => ({ ...x, masterDown: false, leader: null }));
    if (!n.master.sdown) continue;
    if (peer.disconnected) continue;
    if (!forced && since < ASK_PERIOD) continue;
    // One question at a time per peer: a hung link would otherwise queue one per tick.
    if (pendingTo(n, peer.id, 'ask') > 0) continue;
    const runid = n.failover !== 'none' ? ctx.self : '*';
    n = command(n, peer.id, ['SENTINEL', 'is-master-down-by-addr', n.master.id, PORT, String(n.currentEpoch), runid], 'ask', ctx);
  }
  return n;
}

/** sentinelVoteLeader: one vote per epoch; returns the vote held for the epoch asked about. */
function voteLeader(s: SentinelState, reqEpoch: number, reqRunid: string, asker: string, ctx: Ctx): { s: SentinelState; leader: string | null; epoch: number } {
  let n = s;
  if (reqEpoch > n.currentEpoch) n = { ...n, currentEpoch: reqEpoch };
  if (n.leaderEpoch < reqEpoch && n.currentEpoch <= reqEpoch) {
    n = { ...n, leader: reqRunid, leaderEpoch: n.currentEpoch };
    ctx.trace('sentinel.vote', { master: n.master.id, leader: reqRunid, epoch: n.currentEpoch, asker });
    // Having voted for another, it holds off its own failover (failover_start_time in the future).
    if (reqRunid !== ctx.self) n = { ...n, failoverStartTime: ctx.now + Math.floor(ctx.random() * MAX_DESYNC) };
  }
  return { s: n, leader: n.leader, epoch: n.leaderEpoch };
}

/** sentinelGetLeader: the winner of `epoch` if it has a majority of all sentinels and at least quorum. */
function getLeader(s: SentinelState, epoch: number, ctx: Ctx): { s: SentinelState; winner: string | null; votes: number; needed: number } {
  const counts = new Map<string, number>();
  for (const p of s.sentinels) if (p.leader !== null && p.leaderEpoch === s.currentEpoch) counts.set(p.leader, (counts.get(p.leader) ?? 0) + 1);
  let winner: string | null = null;
  let max = 0;
  for (const [id, v] of counts) if (v > max) [winner, max] = [id, v];
  const mine = voteLeader(s, epoch, winner ?? ctx.self, ctx.self, ctx);
  if (mine.leader !== null && mine.epoch === epoch) {
    const v = (counts.get(mine.leader) ?? 0) + 1;
    counts.set(mine.leader, v);
    if (v > max) [winner, max] = [mine.leader, v];
  }
  const voters = s.sentinels.length + 1;
  const needed = Math.max(Math.floor(voters / 2) + 1, s.quorum);
  return { s: mine.s, winner: winner !== null && max >= needed ? winner : null, votes: max, needed };
}

const toState = (s: SentinelState, failover: FailoverState, now: number): SentinelState => ({ ...s, failover, failoverStateChange: now });

function abort(s: SentinelState, reason: 'not-elected' | 'no-good-slave' | 'slave-timeout', ctx: Ctx): SentinelState {
  ctx.trace('sentinel.abort', { master: s.master.id, epoch: s.failoverEpoch, reason });
  const n = { ...toState(s, 'none', ctx.now), promoted: null };
  return { ...n, slaves: n.slaves.map((x) => (x.promoted ? { ...x, promoted: false } : x)) };
}

/** sentinelSelectSlave: usable replicas, by priority, then offset (higher first), then run id. */
function selectSlave(s: SentinelState, now: number): Instance[] {
  const infoValidity = s.master.sdown ? PING_PERIOD * 5 : INFO_PERIOD * 3;
  return s.slaves
    .filter((x) => !x.sdown && !x.disconnected && now - x.lastAvail <= PING_PERIOD * 5 && x.priority !== 0 && x.infoRefresh !== null && now - x.infoRefresh <= infoValidity)
    .sort((a, b) => a.priority - b.priority || b.offset - a.offset || (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : a.id.toLowerCase() > b.id.toLowerCase() ? 1 : 0));
}

function slaveOf(s: SentinelState, i: string, primary: string | null, why: 'promote' | 'reconf' | 'convert' | 'fix', ctx: Ctx): SentinelState {
  ctx.trace('sentinel.slaveof', { instance: i, primary, why });
  // sentinelSendSlaveOf: SLAVEOF, then CLIENT KILL TYPE normal so its clients reconnect and ask again.
  const n = command(s, i, primary === null ? ['SLAVEOF', 'NO', 'ONE'] : ['SLAVEOF', primary, PORT], 'slaveof', ctx);
  return command(n, i, ['CLIENT', 'KILL', 'TYPE', 'normal'], 'kill', ctx);
}

/** sentinelFailoverStateMachine, one step. */
function failoverStep(s: SentinelState, ctx: Ctx): SentinelState {
  const now = ctx.now;
  switch (s.failover) {
    case 'wait-start': {
      const g = getLeader(s, s.failoverEpoch, ctx);
      if (g.winner !== ctx.self) {
        const timeout = Math.min(ELECTION_TIMEOUT, g.s.failoverTimeoutMs);
        return now - (g.s.failoverStartTime ?? now) > timeout ? abort(g.s, 'not-elected', ctx) : g.s;
      }
      ctx.trace('sentinel.elected', { master: s.master.id, epoch: s.failoverEpoch, votes: g.votes, needed: g.needed });
      return toState(g.s, 'select-slave', now);
    }
    case 'select-slave': {
      const ranked = selectSlave(s, now);
      if (ranked.length === 0) return abort(s, 'no-good-slave', ctx);
      const r = ranked[0];
      ctx.trace('sentinel.selected', { master: s.master.id, replica: r.id, priority: r.priority, offset: r.offset, candidates: ranked.length });
      return { ...update(toState(s, 'send-slaveof-noone', now), r.id, (x) => ({ ...x, promoted: true })), promoted: r.id };
    }
    case 'send-slaveof-noone': {
      const p = s.slaves.find((x) => x.id === s.promoted);
      if (!p || p.disconnected) return now - s.failoverStateChange > s.failoverTimeoutMs ? abort(s, 'slave-timeout', ctx) : s;
      return toState(slaveOf(s, p.id, null, 'promote', ctx), 'wait-promotion', now);
    }
    case 'wait-promotion':
      return now - s.failoverStateChange > s.failoverTimeoutMs ? abort(s, 'slave-timeout', ctx) : s;
    case 'reconf-slaves':
      return reconfNextSlave(s, ctx);
    default:
      return s;
  }
}

/** sentinelFailoverReconfNextSlave + sentinelFailoverDetectEnd. */
function reconfNextSlave(s0: SentinelState, ctx: Ctx): SentinelState {
  const now = ctx.now;
  let s = s0;
  let inProgress = s.slaves.filter((x) => x.reconf === 'sent' || x.reconf === 'inprog').length;
  for (const sl of s0.slaves) {
    if (inProgress >= s.parallelSyncs) break;
    if (sl.promoted || sl.reconf === 'done') continue;
    let cur = sl;
    if (cur.reconf === 'sent' && now - cur.reconfSentAt > SLAVE_RECONF_TIMEOUT) {
      cur = { ...cur, reconf: 'done' };
      s = update(s, cur.id, () => cur);
    }
    if (cur.reconf === 'sent' || cur.reconf === 'inprog' || cur.reconf === 'done') continue;
    if (cur.disconnected) continue;
    s = update(slaveOf(s, cur.id, s.promoted, 'reconf', ctx), cur.id, (x) => ({ ...x, reconf: 'sent', reconfSentAt: now }));
    inProgress++;
  }
  // DetectEnd: done once every reachable replica follows the promoted one, or on timeout.
  const promoted = s.slaves.find((x) => x.id === s.promoted);
  if (!promoted || promoted.sdown) return s;
  const left = s.slaves.filter((x) => !x.promoted && x.reconf !== 'done' && !x.sdown).length;
  const timeout = now - s.failoverStateChange > s.failoverTimeoutMs;
  if (left > 0 && !timeout) return s;
  ctx.trace('sentinel.failover-end', { master: s.master.id, timeout });
  let n = toState(s, 'update-config', now);
  if (timeout) {
    for (const x of n.slaves) if (!x.promoted && x.reconf === 'none' && !x.disconnected) n = slaveOf(n, x.id, n.promoted, 'reconf', ctx);
  }
  return n;
}

/**
 * sentinelResetMasterAndChangeAddress: `to` becomes the master; the other replicas and the old
 * master are its replicas (fresh instances, re-learnt from INFO). Peers, epochs and the vote stay.
 */
function switchMaster(s: SentinelState, to: string, how: 'failover' | 'hello', ctx: Ctx): SentinelState {
  const from = s.master.id;
  ctx.trace('sentinel.switch-master', { name: s.name, from, to, epoch: s.configEpoch, how });
  const ids = s.slaves.map((x) => x.id).filter((id) => id !== to);
  if (from !== to) ids.push(from);
  return {
    ...s,
    master: newInstance(to, 'master', ctx.now),
    slaves: ids.map((id) => newInstance(id, 'slave', ctx.now)),
    odown: false,
    odownSince: null,
    failover: 'none',
    failoverStateChange: 0,
    failoverStartTime: null,
    promoted: null,
    pending: s.pending.filter((r) => r.what !== 'info'),
  };
}

/** sentinelHandleRedisInstance for every instance, then the switch to a promoted replica. */
function tick(s0: SentinelState, ctx: Ctx): SentinelState {
  const now = ctx.now;
  let s = s0;
  // sentinelCheckTiltCondition.
  const delta = now - s.previousTime;
  if (s.previousTime > 0 && (delta < 0 || delta > TILT_TRIGGER)) {
    if (s.tiltSince === null) ctx.trace('sentinel.tilt', { on: true, deltaMs: delta });
    s = { ...s, tiltSince: now };
  }
  s = { ...s, previousTime: now };
  const order = [s.master.id, ...s.slaves.map((x) => x.id), ...s.sentinels.map((x) => x.id)];
  for (const id of order) {
    const f = find(s, id);
    if (!f) continue;
    s = periodic(s, f.inst, ctx);
    if (s.tiltSince !== null) {
      if (now - s.tiltSince < TILT_PERIOD) continue;
      ctx.trace('sentinel.tilt', { on: false, deltaMs: now - s.tiltSince });
      s = { ...s, tiltSince: null };
    }
    s = checkSdown(s, find(s, id)!.inst, ctx);
    if (f.where !== 'master') continue;
    s = checkOdown(s, ctx);
    // sentinelStartFailoverIfNeeded.
    if (s.odown && s.failover === 'none' && (s.failoverStartTime === null || now - s.failoverStartTime >= s.failoverTimeoutMs * 2)) {
      const epoch = s.currentEpoch + 1;
      ctx.trace('sentinel.try-failover', { master: s.master.id, epoch });
      s = { ...s, currentEpoch: epoch, failoverEpoch: epoch, failover: 'wait-start', failoverStartTime: now + Math.floor(ctx.random() * MAX_DESYNC), failoverStateChange: now };
      s = askOthers(s, true, ctx);
    }
    s = failoverStep(s, ctx);
    s = askOthers(s, false, ctx);
  }
  if (s.sentinels.length > 0 && now - s.lastHello > PUBLISH_PERIOD) s = { ...s, lastHello: now };
  if (s.failover === 'update-config' && s.promoted !== null) s = switchMaster(s, s.promoted, 'failover', ctx);
  return s;
}

// ---- replies ----

/** The fields of an INFO reply. */
function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** sentinelRefreshInstanceInfo: what INFO says about an instance, and what the sentinel does about it. */
function onInfo(s0: SentinelState, id: string, text: string, ctx: Ctx): SentinelState {
  const now = ctx.now;
  const f = find(s0, id);
  if (!f || f.where === 'sentinels') return s0;
  const info = parseInfo(text);
  const role = info.role === 'master' ? 'master' : info.role === 'slave' ? 'slave' : null;
  let s = s0;
  // Replicas listed by the primary: new ones are added (+slave).
  if (f.where === 'master' && role === 'master') {
    for (const [k, v] of Object.entries(info)) {
      if (!/^slave\d+$/.test(k)) continue;
      const host = /(?:^|,)ip=([^,]*)/.exec(v)?.[1];
      if (host && !find(s, host)) {
        ctx.trace('sentinel.slave', { replica: host, master: s.master.id });
        s = { ...s, slaves: [...s.slaves, newInstance(host, 'slave', now)] };
      }
    }
  }
  s = update(s, id, (x) => {
    let y: Instance = { ...x, infoRefresh: now, ...(role === 'master' ? { linkDown: false } : {}) };
    if (role === 'slave') {
      const master = info.master_host ?? null;
      y = {
        ...y,
        slaveMaster: master,
        linkUp: info.master_link_status === 'up',
        linkDown: info.master_link_status === 'down',
        offset: Number(info.slave_repl_offset ?? 0),
        priority: info.slave_priority === undefined ? DEFAULT_PRIORITY : Number(info.slave_priority),
        confChangeTime: master !== x.slaveMaster ? now : x.confChangeTime,
      };
    }
    if (role !== null && role !== x.roleReported) y = { ...y, roleReported: role, roleReportedTime: now, confChangeTime: role === 'slave' ? now : y.confChangeTime };
    return y;
  });
  if (s.tiltSince !== null) return s;
  const i = find(s, id)!.inst;
  // A replica reports it is a primary.
  if (f.where === 'slaves' && role === 'master') {
    if (i.promoted && s.failover === 'wait-promotion') {
      ctx.trace('sentinel.promoted', { replica: id, epoch: s.failoverEpoch });
      s = toState({ ...s, configEpoch: s.failoverEpoch }, 'reconf-slaves', now);
      // sentinelForceHelloUpdateForMaster: tell the other sentinels at once.
      s = { ...s, lastHello: 0 };
      for (const peer of s.sentinels) s = sendHello(s, peer, ctx);
      return { ...s, lastHello: now };
    }
    // Not the one promoted: turn it back into a replica, once it has looked like that for a while.
    const wait = PUBLISH_PERIOD * 4;
    if (!i.promoted && masterLooksSane(s, now) && noDownFor(i, now, wait) && now - i.roleReportedTime > wait) s = slaveOf(s, id, s.master.id, 'convert', ctx);
    return s;
  }
  // A replica following another primary: point it at ours, after failover-timeout.
  if (f.where === 'slaves' && role === 'slave' && i.slaveMaster !== s.master.id && i.reconf === 'none') {
    if (masterLooksSane(s, now) && noDownFor(i, now, s.failoverTimeoutMs) && now - i.confChangeTime > s.failoverTimeoutMs) s = slaveOf(s, id, s.master.id, 'fix', ctx);
  }
  // A replica being reconfigured: sent -> inprog (it names the new primary) -> done (its link is up).
  if (f.where === 'slaves' && role === 'slave' && (i.reconf === 'sent' || i.reconf === 'inprog')) {
    let r: Instance['reconf'] = i.reconf;
    if (r === 'sent' && s.promoted !== null && i.slaveMaster === s.promoted) r = 'inprog';
    if (r === 'inprog' && i.linkUp) {
      r = 'done';
      ctx.trace('sentinel.reconf-done', { replica: id, primary: s.promoted ?? '?' });
    }
    s = update(s, id, (x) => ({ ...x, reconf: r }));
  }
  return s;
}

/** sentinelMasterLooksSane. */
function masterLooksSane(s: SentinelState, now: number): boolean {
  const m = s.master;
  return m.roleReported === 'master' && !m.sdown && !s.odown && m.infoRefresh !== null && now - m.infoRefresh < INFO_PERIOD * 2;
}

/** sentinelRedisInstanceNoDownFor (only SDOWN is tracked per replica). */
function noDownFor(i: Instance, now: number, ms: number): boolean {
  return i.sdownSince === null || now - i.sdownSince > ms;
}

function onReply(s0: SentinelState, msg: RedisReplyMsg, from: string, ctx: Ctx): SentinelState {
  const req = s0.pending.find((r) => r.id === msg.id && r.to === from);
  if (!req) return s0;
  const now = ctx.now;
  let s: SentinelState = { ...s0, pending: s0.pending.filter((r) => r !== req) };
  s = update(s, from, (x) => ({ ...x, lastPong: now, disconnected: false }));
  const r = msg.reply;
  switch (req.what) {
    case 'ping': {
      const text = typeof r === 'string' ? r : r !== null && typeof r === 'object' && 'error' in r ? r.error : '';
      if (/^(PONG|LOADING|MASTERDOWN)/.test(text)) s = update(s, from, (x) => ({ ...x, lastAvail: now, actPing: null }));
      return s;
    }
    case 'info':
      return typeof r === 'string' ? onInfo(s, from, r, ctx) : s;
    case 'ask': {
      if (!Array.isArray(r) || r.length !== 3 || typeof r[0] !== 'number' || typeof r[1] !== 'string' || typeof r[2] !== 'number') return s;
      const [down, leader, epoch] = r as [number, string, number];
      return update(s, from, (x) => ({ ...x, lastMasterDownReply: now, masterDown: down === 1, ...(leader !== '*' ? { leader, leaderEpoch: epoch } : {}) }));
    }
    default:
      return s;
  }
}

// ---- commands it answers ----

const ERR = (e: string): RedisReply => ({ error: e });

/** sentinelProcessHelloMessage: a newer epoch or a newer configuration of the master wins. */
function onHello(s0: SentinelState, payload: string, ctx: Ctx): SentinelState {
  const t = payload.split(',');
  if (t.length !== 8) return s0;
  const [, , , epochS, name, masterHost, , configEpochS] = t;
  let s = s0;
  const epoch = Number(epochS);
  const configEpoch = Number(configEpochS);
  if (epoch > s.currentEpoch) s = { ...s, currentEpoch: epoch };
  if (name !== s.name || !(configEpoch > s.configEpoch)) return s;
  s = { ...s, configEpoch };
  return masterHost !== s.master.id ? switchMaster(s, masterHost, 'hello', ctx) : s;
}

function onCommand(s: SentinelState, cmd: RedisCmd, from: string, ctx: Ctx): SentinelState {
  const argv = cmd.argv;
  const name = (argv[0] ?? '').toUpperCase();
  const answer = (reply: RedisReply) => {
    const out: RedisReplyMsg = { type: 'redis.reply', id: cmd.id, reply };
    ctx.reply(out);
  };
  if (name === 'PING') {
    answer(argv.length > 1 ? argv[1] : 'PONG');
    return s;
  }
  if (name === 'PUBLISH' && argv.length === 3) {
    answer(1);
    return argv[1] === HELLO_CHANNEL ? onHello(s, argv[2], ctx) : s;
  }
  if (name === 'ROLE') {
    answer(['sentinel', [s.name]]);
    return s;
  }
  if (name !== 'SENTINEL') {
    answer(ERR(`ERR unknown command '${argv[0] ?? ''}', with args beginning with: ${argv.slice(1).map((a) => `'${a}' `).join('')}`));
    return s;
  }
  const sub = (argv[1] ?? '').toLowerCase();
  if (sub === 'get-master-addr-by-name') {
    if (argv.length !== 3) {
      answer(ERR("ERR wrong number of arguments for 'sentinel|get-master-addr-by-name' command"));
      return s;
    }
    const primary = argv[2] === s.name ? currentMasterAddress(s) : null;
    ctx.trace('sentinel.lookup', { client: from, name: argv[2], primary });
    answer(primary === null ? null : [primary, PORT]);
    return s;
  }
  if (sub === 'is-master-down-by-addr') {
    if (argv.length !== 6) {
      answer(ERR("ERR wrong number of arguments for 'sentinel|is-master-down-by-addr' command"));
      return s;
    }
    const reqEpoch = Number(argv[4]);
    const known = argv[2] === s.master.id && argv[3] === PORT;
    const isdown = s.tiltSince === null && known && s.master.sdown ? 1 : 0;
    let n = s;
    let leader: string | null = null;
    let leaderEpoch = 0;
    if (known && argv[5] !== '*' && Number.isFinite(reqEpoch)) {
      const v = voteLeader(n, reqEpoch, argv[5], from, ctx);
      n = v.s;
      leader = v.leader;
      leaderEpoch = v.epoch;
    }
    answer([isdown, leader ?? '*', leaderEpoch]);
    return n;
  }
  answer(ERR(`ERR unknown subcommand '${argv[1] ?? ''}'. Try SENTINEL HELP.`));
  return s;
}

/** sentinelGetCurrentMasterAddress: the promoted replica once it acknowledged, during a failover. */
export function currentMasterAddress(s: SentinelState): string {
  const late: FailoverState[] = ['reconf-slaves', 'update-config'];
  return s.promoted !== null && late.includes(s.failover) ? s.promoted : s.master.id;
}

function armTick(ctx: Ctx): void {
  // sentinelTimer re-draws server.hz in 10..19 every run, so sentinels do not stay in step.
  const hz = 10 + Math.floor(ctx.random() * 10);
  ctx.setTimer(1000 / hz, TIMERS.make('tick'));
}

function peersAtStart(s: SentinelState, ctx: Ctx): string[] {
  const ids = s.configuredPeers ?? ctx.neighbours().filter((id) => ctx.typeOf(id) === 'sentinel');
  return ids.filter((id) => id !== ctx.self);
}



/**
 * Redis Sentinel: monitors a primary (and the replicas and sentinels it learns of), agrees with
 * the other sentinels that it is down, elects a leader per epoch, and the leader promotes the best
 * replica, repoints the others and later turns the returning old primary into a replica.
 */
export const sentinelModel: ModelDef<SentinelParams, SentinelState> = {
  type: 'sentinel',
  init: (p) => initState(p),
  start(s0, ctx) {
    const now = ctx.now;
    const keep = (i: Instance) => ({ ...newInstance(i.id, i.kind, now), priority: i.priority });
    const known = new Set(s0.sentinels.map((x) => x.id));
    const peers = [...s0.sentinels.map(keep), ...peersAtStart(s0, ctx).filter((id) => !known.has(id)).map((id) => newInstance(id, 'sentinel', now))];
    const s: SentinelState = { ...s0, master: keep(s0.master), slaves: s0.slaves.map(keep), sentinels: peers, previousTime: now, pending: [], lastHello: 0 };
    // Real sentinels are started at unrelated moments, so their ping rounds are out of step; the
    // first run of the timer comes at a random point of the first second to keep them so.
    ctx.setTimer(ctx.random() * PING_PERIOD, TIMERS.make('tick'));
    return s;
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) {
      // The link is down: its requests are gone (sentinel.c's instanceLinkConnectionError).
      if (!find(s, from)) return s;
      return update({ ...s, pending: s.pending.filter((r) => r.to !== from) }, from, (x) => ({ ...x, disconnected: true }));
    }
    if (msg.type === 'redis.reply') return onReply(s, msg as RedisReplyMsg, from, ctx);
    if (msg.type === 'redis.cmd') return onCommand(s, msg as RedisCmd, from, ctx);
    return s;
  },
  onTimer(s, payload, ctx) {
    if (!TIMERS.match(payload)) return s;
    const n = tick(s, ctx);
    armTick(ctx);
    return n;
  },
  // sentinelFlushConfig writes the epochs, the vote, the master and the known replicas and
  // sentinels to sentinel.conf: they survive a restart; links, flags and a failover in progress do not.
  crash: (s, p) => ({
    ...initState(p),
    master: s.master,
    slaves: s.slaves,
    sentinels: s.sentinels,
    currentEpoch: s.currentEpoch,
    configEpoch: s.configEpoch,
    leader: s.leader,
    leaderEpoch: s.leaderEpoch,
    restarts: s.restarts + 1,
  }),
  describeTimer: () => t('timer'),
  narrate(ev, name) {
    switch (ev.type) {
      case 'sentinel.sdown':
        return ev.down ? t('sdown', { node: name(ev.node), instance: name(ev.instance), ms: Math.round(ev.silentMs) }) : t('sdownOff', { node: name(ev.node), instance: name(ev.instance) });
      case 'sentinel.odown':
        return ev.down ? t('odown', { node: name(ev.node), master: name(ev.master), votes: ev.votes, quorum: ev.quorum }) : t('odownOff', { node: name(ev.node), master: name(ev.master) });
      case 'sentinel.try-failover':
        return t('tryFailover', { node: name(ev.node), master: name(ev.master), epoch: ev.epoch });
      case 'sentinel.vote':
        return ev.asker === ev.node
          ? t('vote', { node: name(ev.node), leader: name(ev.leader), epoch: ev.epoch })
          : t('voteAsked', { node: name(ev.node), leader: name(ev.leader), epoch: ev.epoch, asker: name(ev.asker) });
      case 'sentinel.elected':
        return t('elected', { node: name(ev.node), epoch: ev.epoch, votes: ev.votes, needed: ev.needed });
      case 'sentinel.abort':
        return t('abort', { node: name(ev.node), epoch: ev.epoch, reason: { 'not-elected': 'notElected', 'no-good-slave': 'noGoodSlave', 'slave-timeout': 'slaveTimeout' }[ev.reason] });
      case 'sentinel.selected':
        return t('selected', { node: name(ev.node), replica: name(ev.replica), priority: ev.priority, offset: ev.offset, candidates: ev.candidates });
      case 'sentinel.slaveof':
        if (ev.primary === null) return t('slaveofNoOne', { node: name(ev.node), instance: name(ev.instance) });
        return t(ev.why === 'convert' ? 'slaveofConvert' : ev.why === 'fix' ? 'slaveofFix' : 'slaveof', { node: name(ev.node), primary: name(ev.primary), instance: name(ev.instance) });
      case 'sentinel.promoted':
        return t('promoted', { node: name(ev.node), replica: name(ev.replica), epoch: ev.epoch });
      case 'sentinel.reconf-done':
        return t('reconfDone', { node: name(ev.node), replica: name(ev.replica), primary: name(ev.primary) });
      case 'sentinel.failover-end':
        return t(ev.timeout ? 'failoverEndTimeout' : 'failoverEnd', { node: name(ev.node), master: name(ev.master) });
      case 'sentinel.switch-master':
        return t(ev.how === 'hello' ? 'switchMasterHello' : 'switchMaster', { node: name(ev.node), name: ev.name, to: name(ev.to), from: name(ev.from), epoch: ev.epoch });
      case 'sentinel.slave':
        return t('slave', { node: name(ev.node), replica: name(ev.replica), master: name(ev.master) });
      case 'sentinel.tilt':
        return ev.on ? t('tiltOn', { node: name(ev.node), ms: Math.round(ev.deltaMs) }) : t('tiltOff', { node: name(ev.node) });
      case 'sentinel.lookup':
        return t('lookup', { node: name(ev.node), client: name(ev.client), name: ev.name, primary: ev.primary === null ? t('unknown') : name(ev.primary) });
      default:
        return undefined;
    }
  },
  describeMessage(msg: Msg) {
    if (msg.type === 'redis.cmd') {
      const argv = (msg as RedisCmd).argv;
      if (argv[0] === 'PUBLISH' && argv[1] === HELLO_CHANNEL) return `hello: ${argv[2]}`;
      return argv.join(' ');
    }
    if (msg.type === 'redis.reply') return formatReply((msg as RedisReplyMsg).reply);
    return msg.type;
  },
};
