import { codeText, describePayMessage, fingerprint, payDetail, type PayCode, type PayMsg, type PayRequestMsg, type PayResponseMsg } from '../../clients/payments/messages';
import { initRedisIo, redisConnectionEnded, redisReply, redisSend, redisTimedOut, replyError, startRedisIo, type RedisIo } from '../../clients/redis/io';
import type { RedisReply } from '../../clients/redis/protocol';
import { zkHost } from '../../clients/zookeeper/host';
import { zkClientInit, type ZkClientState } from '../../clients/zookeeper/state';
import type { ZkResult } from '../../clients/zookeeper/types';
import type { Msg } from '../../core/msg';
import { p, type Phrase, type Say } from '../../core/phrase';
import { timerOwner } from '../../core/timer';
import type { Ctx, ModelDef } from '../../core/types';
import { type PaymentsParams } from './params';

/**
 * A payment service: it charges a card (which takes `chargeMs`, the card network's time) and
 * answers. With an idempotency store it first claims the request's key — Redis `SET key pending
 * NX PX`, or a ZooKeeper create that fails with NodeExists — and stores the result under the
 * key before answering, so a retry gets the stored result instead of a second charge (Stripe's
 * scheme). The ledger of charges is on disk; requests in progress are lost in a crash.
 */

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A payment request arrived. */
    'payments.request': { client: string; order: string; amount: number; key: string | null; attempt: number };
    /** The key was claimed (the request is the first with it, or an earlier claim expired). */
    'payments.claim': { client: string; order: string; key: string; store: string; takeover: boolean };
    /** The card was charged: the effect that must happen once per payment. */
    'payments.charge': { client: string; order: string; amount: number; key: string | null; chargeId: string; attempt: number };
    /** The service answered an attempt; `storedFp` is what the key was first used for (replays). */
    'payments.reply': { client: string; order: string; amount: number; key: string | null; code: PayCode; chargeId: string | null; replayed: boolean; storedFp: string | null; detail: string };
  }
}


/** One charge in the ledger. */
export interface Charge {
  id: string;
  client: string;
  order: string;
  amount: number;
  key: string | null;
  attempt: number;
  at: number;
}

type JobPhase = 'claim' | 'lookup' | 'charging' | 'storing';

/** A request being worked on. */
export interface Job {
  id: number;
  client: string;
  rid: number;
  order: string;
  amount: number;
  key: string | null;
  attempt: number;
  phase: JobPhase;
  chargeId: string | null;
}

/** One line of the card's log. */
export interface PaymentsLogEntry {
  at: number;
  client: string;
  order: string;
  what: Say;
  /** ok: paid; dup: a second charge; warn: 409/503; bad: 422. */
  tone: 'ok' | 'dup' | 'warn' | 'bad';
}

export interface PaymentsState {
  p: PaymentsParams;
  /** On disk: every charge made, and the next charge number. */
  ledger: Charge[];
  nextCharge: number;
  stats: { requests: number; replays: number; conflicts: number; refused: number };
  log: PaymentsLogEntry[];
  /** In memory (lost in a crash). */
  jobs: Job[];
  nextJob: number;
  rio: RedisIo;
  zk: ZkClientState;
  /** Keys this process was told are in progress: a later successful claim took over an expired one. */
  seenPending: string[];
}

/** The card network's answer for job `job`. */
const TIMERS = timerOwner<{ charged: { job: number } }>('payments');
type ZkTag = { job: number; z: 'claim' | 'lookup' | 'store' | 'parent' };

const LOG_MAX = 6;
const redisKey = (key: string) => `idem:${key}`;

function fresh(p: PaymentsParams): PaymentsState {
  return {
    p,
    ledger: [],
    nextCharge: 1,
    stats: { requests: 0, replays: 0, conflicts: 0, refused: 0 },
    log: [],
    jobs: [],
    nextJob: 1,
    rio: initRedisIo(p.store ?? ''),
    zk: zkClientInit({ server: p.store ?? '', sessionTimeoutMs: p.sessionTimeoutMs }),
    seenPending: [],
  };
}

const logged = (s: PaymentsState, e: PaymentsLogEntry): PaymentsLogEntry[] => [...s.log, e].slice(-LOG_MAX);
const withJob = (s: PaymentsState, j: Job): PaymentsState => ({ ...s, jobs: s.jobs.map((x) => (x.id === j.id ? j : x)) });
const dropJob = (s: PaymentsState, j: Job): PaymentsState => ({ ...s, jobs: s.jobs.filter((x) => x.id !== j.id) });

/** What a stored record says: `pending <fp>` or `done <fp> <chargeId>`. */
function parseRecord(v: string): { state: 'pending' | 'done'; fp: string; chargeId: string | null } | null {
  const [state, fp, chargeId] = v.split(' ');
  if ((state !== 'pending' && state !== 'done') || !fp) return null;
  return { state, fp, chargeId: chargeId ?? null };
}

function respond(s: PaymentsState, j: Job, code: PayCode, detail: string, ctx: Ctx, extra: { chargeId?: string; replayed?: boolean; storedFp?: string } = {}): PaymentsState {
  const m: PayResponseMsg = { type: 'pay.response', rid: j.rid, order: j.order, code, detail, ...(extra.chargeId ? { chargeId: extra.chargeId } : {}), ...(extra.replayed ? { replayed: true } : {}) };
  ctx.send(j.client, m);
  ctx.trace('payments.reply', {
    client: j.client,
    order: j.order,
    amount: j.amount,
    key: j.key,
    code,
    chargeId: extra.chargeId ?? null,
    replayed: extra.replayed ?? false,
    storedFp: extra.storedFp ?? null,
    detail,
  });
  const stats = { ...s.stats };
  let tone: PaymentsLogEntry['tone'] = 'ok';
  let what: Say = extra.chargeId ? p('model.payments.logCode', { code: codeText(code), charge: extra.chargeId }) : codeText(code);
  if (extra.replayed) {
    stats.replays += 1;
    ctx.metric('pay.dedupe.hits');
    what = p('model.payments.logReplayed', { charge: String(extra.chargeId) });
  } else if (code === 409) {
    stats.conflicts += 1;
    ctx.metric('pay.conflicts');
    tone = 'warn';
  } else if (code === 422) {
    stats.refused += 1;
    ctx.metric('pay.refused');
    tone = 'bad';
  } else if (code === 503) tone = 'warn';
  const n = dropJob({ ...s, stats }, j);
  // A fresh charge already has its own log line.
  if (code === 200 && !extra.replayed) return n;
  return { ...n, log: logged(n, { at: ctx.now, client: j.client, order: j.order, what, tone }) };
}

function startCharging(s: PaymentsState, j: Job, ctx: Ctx): PaymentsState {
  ctx.setTimer(s.p.chargeMs, TIMERS.make('charged', { job: j.id }));
  return withJob(s, { ...j, phase: 'charging' });
}

/** The card network answered: the charge is made (and written to the ledger) in one step. */
function charged(s0: PaymentsState, j: Job, ctx: Ctx): PaymentsState {
  const id = `ch_${s0.nextCharge}`;
  const dup = s0.ledger.some((c) => c.order === j.order && c.client === j.client);
  ctx.trace('payments.charge', { client: j.client, order: j.order, amount: j.amount, key: j.key, chargeId: id, attempt: j.attempt });
  ctx.metric('pay.charges');
  const charge: Charge = { id, client: j.client, order: j.order, amount: j.amount, key: j.key, attempt: j.attempt, at: ctx.now };
  const s: PaymentsState = {
    ...s0,
    ledger: [...s0.ledger, charge],
    nextCharge: s0.nextCharge + 1,
    log: logged(s0, { at: ctx.now, client: j.client, order: j.order, what: p('model.payments.logCharged', { amount: j.amount, charge: id }), tone: dup ? 'dup' : 'ok' }),
  };
  const done = { ...j, chargeId: id, phase: 'storing' as const };
  if (j.key === null || s.p.dedupe === 'none') return respond(s, done, 200, `charged ${j.amount}`, ctx, { chargeId: id });
  // The result is stored before the answer goes out, so any retry from now on gets it.
  const record = `done ${fingerprint(j.order, j.amount)} ${id}`;
  if (s.p.dedupe === 'redis') {
    return withJob({ ...s, rio: redisSend(s.rio, ['SET', redisKey(j.key), record, 'PX', String(s.p.resultTtlMs)], `store:${j.id}`, s.p.timeoutMs, ctx) }, done);
  }
  return zk.submit(withJob(s, done), { op: 'setData', path: `${s.p.zkPath}/${j.key}`, data: record, version: -1 }, { job: j.id, z: 'store' }, ctx);
}

function claim(s: PaymentsState, j: Job, ctx: Ctx): PaymentsState {
  const key = j.key!;
  const record = `pending ${fingerprint(j.order, j.amount)}`;
  const n = withJob(s, { ...j, phase: 'claim' });
  if (s.p.dedupe === 'redis') {
    return { ...n, rio: redisSend(n.rio, ['SET', redisKey(key), record, 'NX', 'PX', String(s.p.pendingTtlMs)], `claim:${j.id}`, s.p.timeoutMs, ctx) };
  }
  return zk.submit(n, { op: 'create', path: `${s.p.zkPath}/${key}`, data: record, kind: 'persistent' }, { job: j.id, z: 'claim' }, ctx);
}

function claimed(s: PaymentsState, j: Job, ctx: Ctx): PaymentsState {
  const takeover = s.seenPending.includes(j.key!);
  ctx.trace('payments.claim', { client: j.client, order: j.order, key: j.key!, store: s.p.store ?? '', takeover });
  if (takeover) ctx.metric('pay.pending.expired');
  return startCharging({ ...s, seenPending: s.seenPending.filter((k) => k !== j.key) }, j, ctx);
}

function lookup(s: PaymentsState, j: Job, ctx: Ctx): PaymentsState {
  const n = withJob(s, { ...j, phase: 'lookup' });
  if (s.p.dedupe === 'redis') return { ...n, rio: redisSend(n.rio, ['GET', redisKey(j.key!)], `lookup:${j.id}`, s.p.timeoutMs, ctx) };
  return zk.submit(n, { op: 'getData', path: `${s.p.zkPath}/${j.key}`, watch: false }, { job: j.id, z: 'lookup' }, ctx);
}

/** The key is taken: answer from what is stored under it. Null record = it vanished meanwhile: claim again. */
function onRecord(s: PaymentsState, j: Job, value: string | null, ctx: Ctx): PaymentsState {
  if (value === null) return claim(s, j, ctx);
  const r = parseRecord(value);
  if (!r) return respond(s, j, 503, `unreadable record under ${j.key}`, ctx);
  const fp = fingerprint(j.order, j.amount);
  if (r.fp !== fp && s.p.checkParams) return respond(s, j, 422, `key ${j.key} was used for ${r.fp}, not ${fp}`, ctx, { storedFp: r.fp });
  if (r.state === 'pending') {
    const n = s.seenPending.includes(j.key!) ? s : { ...s, seenPending: [...s.seenPending, j.key!] };
    return respond(n, j, 409, `key ${j.key} is still being processed`, ctx, { storedFp: r.fp });
  }
  return respond(s, j, 200, `already paid as ${r.chargeId}`, ctx, { chargeId: r.chargeId ?? '?', replayed: true, storedFp: r.fp });
}

function onRequest(s0: PaymentsState, m: PayRequestMsg, from: string, ctx: Ctx): PaymentsState {
  const key = m.key ?? null;
  ctx.trace('payments.request', { client: from, order: m.order, amount: m.amount, key, attempt: m.attempt });
  ctx.metric('pay.requests');
  const j: Job = { id: s0.nextJob, client: from, rid: m.rid, order: m.order, amount: m.amount, key, attempt: m.attempt, phase: 'claim', chargeId: null };
  const s: PaymentsState = { ...s0, jobs: [...s0.jobs, j], nextJob: s0.nextJob + 1, stats: { ...s0.stats, requests: s0.stats.requests + 1 } };
  if (key === null || s.p.dedupe === 'none') return startCharging(s, j, ctx);
  return claim(s, j, ctx);
}

// --- Redis ---

function jobOf(s: PaymentsState, what: string): { job: Job; phase: string } | null {
  const [phase, id] = what.split(':');
  const job = s.jobs.find((x) => x.id === Number(id));
  return job ? { job, phase } : null;
}

function onRedisReply(s: PaymentsState, what: string, reply: RedisReply, ctx: Ctx): PaymentsState {
  const hit = jobOf(s, what);
  if (!hit) return s;
  const { job } = hit;
  const e = replyError(reply);
  if (hit.phase === 'store') {
    return respond(s, job, 200, e ? `charged ${job.amount}; storing the result failed: ${e}` : `charged ${job.amount}`, ctx, { chargeId: job.chargeId! });
  }
  if (e) return respond(s, job, 503, `${s.p.store}: ${e}`, ctx);
  if (hit.phase === 'claim') return reply === 'OK' ? claimed(s, job, ctx) : lookup(s, job, ctx);
  return onRecord(s, job, typeof reply === 'string' ? reply : null, ctx);
}

function onRedisTimeout(s: PaymentsState, what: string, ctx: Ctx): PaymentsState {
  const hit = jobOf(s, what);
  if (!hit) return s;
  if (hit.phase === 'store') return respond(s, hit.job, 200, `charged ${hit.job.amount}; the result may not be stored (${s.p.store} did not answer)`, ctx, { chargeId: hit.job.chargeId! });
  return respond(s, hit.job, 503, `${s.p.store} did not answer`, ctx);
}

// --- ZooKeeper ---

/** The ZooKeeper client's glue: replies go to onZkReply; an expired session gets a new handle, as an application must make one. */
const zk = zkHost<PaymentsState, ZkTag | null>((s, o, ctx): PaymentsState => {
  if (o.kind === 'reply') return onZkReply(s, o.tag, o.result, ctx);
  return o.kind === 'state' && o.keeper === 'Expired' ? zk.start(s, ctx) : s;
});

function onZkReply(s: PaymentsState, tag: ZkTag | null, r: ZkResult, ctx: Ctx): PaymentsState {
  if (!tag) return s;
  if (tag.z === 'parent') {
    const j = s.jobs.find((x) => x.id === tag.job);
    if (!j) return s;
    return r.ok || r.err === 'NodeExists' ? claim(s, j, ctx) : respond(s, j, 503, `cannot create ${s.p.zkPath}: ${r.err}`, ctx);
  }
  const j = s.jobs.find((x) => x.id === tag.job);
  if (!j) return s;
  switch (tag.z) {
    case 'claim':
      if (r.ok) return claimed(s, j, ctx);
      if (r.err === 'NodeExists') return lookup(s, j, ctx);
      if (r.err === 'NoNode') return zk.submit(s, { op: 'create', path: s.p.zkPath, data: '', kind: 'persistent' }, { job: j.id, z: 'parent' }, ctx);
      return respond(s, j, 503, `${s.p.store}: ${r.err}`, ctx);
    case 'lookup':
      if (r.ok) return onRecord(s, j, r.data ?? '', ctx);
      if (r.err === 'NoNode') return claim(s, j, ctx);
      return respond(s, j, 503, `${s.p.store}: ${r.err}`, ctx);
    case 'store':
      return respond(s, j, 200, r.ok ? `charged ${j.amount}` : `charged ${j.amount}; storing the result failed: ${r.err}`, ctx, { chargeId: j.chargeId! });
  }
}

// --- the node ---

function onMessage(s: PaymentsState, msg: Msg, from: string, ctx: Ctx): PaymentsState {
  if (msg.type === 'pay.request') return onRequest(s, msg as PayRequestMsg, from, ctx);
  if (s.p.dedupe === 'redis') {
    const ended = redisConnectionEnded(s.rio, msg, from, ctx);
    if (ended) return ended.failed.reduce((n, req) => onRedisTimeout(n, req.what, ctx), { ...s, rio: ended.io });
    const r = redisReply(s.rio, msg, from, ctx);
    return r ? onRedisReply({ ...s, rio: r.io }, r.req.what, r.reply, ctx) : s;
  }
  if (s.p.dedupe === 'zookeeper') {
    return zk.onMessage(s, msg, from, ctx);
  }
  return s;
}

function onTimer(s: PaymentsState, payload: unknown, ctx: Ctx): PaymentsState {
  const t = TIMERS.match(payload);
  if (t) {
    const j = s.jobs.find((x) => x.id === t.job);
    return j && j.phase === 'charging' ? charged(s, j, ctx) : s;
  }
  const to = redisTimedOut(s.rio, payload);
  if (to) return onRedisTimeout({ ...s, rio: to.io }, to.req.what, ctx);
  return zk.onTimer(s, payload, ctx);
}

const keyText = (k: string | null): Phrase => (k === null ? p('model.payments.noKey') : p('model.payments.key', { key: k }));

export const paymentsModel: ModelDef<PaymentsParams, PaymentsState> = {
  type: 'payments',
  init: (p) => fresh(p),
  start(s, ctx) {
    const n: PaymentsState = { ...s, jobs: [], seenPending: [], rio: startRedisIo(s.rio, s.p.store ?? '', ctx) };
    if (s.p.dedupe !== 'zookeeper') return n;
    // At boot, make sure the parent of the key znodes exists (sent once connected; NodeExists is fine).
    return zk.submit(zk.start(n, ctx), { op: 'create', path: s.p.zkPath, data: '', kind: 'persistent' }, null, ctx);
  },
  onMessage,
  onTimer,
  onClockChange: (s, ctx) => (s.p.dedupe === 'zookeeper' ? zk.onClockChange(s, ctx) : s),
  // The ledger is on disk; requests in progress and connections are not.
  crash: (s, p) => ({ ...fresh(p), ledger: s.ledger, nextCharge: s.nextCharge, stats: s.stats, log: s.log }),
  describeTimer: (payload) => (TIMERS.match(payload) ? p('model.payments.timerCharged') : (zk.describeTimer(payload) ?? p('model.payments.timerStore'))),
  describeMessage: (msg: Msg) => (msg.type.startsWith('pay.') ? describePayMessage(msg as PayMsg) : msg.type),
  narrate(ev, name) {
    switch (ev.type) {
      case 'payments.request':
        return p('model.payments.request', { node: name(ev.node), client: name(ev.client), amount: ev.amount, order: ev.order, key: keyText(ev.key), attempt: ev.attempt });
      case 'payments.claim':
        return ev.takeover
          ? p('model.payments.takeover', { node: name(ev.node), key: ev.key, store: name(ev.store) })
          : p('model.payments.claim', { node: name(ev.node), key: ev.key, store: name(ev.store), order: ev.order });
      case 'payments.charge':
        return p('model.payments.charge', { node: name(ev.node), amount: ev.amount, client: name(ev.client), order: ev.order, charge: ev.chargeId, attempt: ev.attempt });
      case 'payments.reply':
        return p('model.payments.reply', { node: name(ev.node), client: name(ev.client), code: codeText(ev.code), replayed: ev.replayed ? p('model.payments.replayed', { charge: String(ev.chargeId) }) : '', detail: payDetail(ev.detail) });
      default:
        return zk.narrate(ev, name);
    }
  },
};
