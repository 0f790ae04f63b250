import { isConnectionClosed } from '../../core/connection';
import { resultSay, rowText, sqlText, type DbMsg, type DbQueryMsg } from '../../clients/sql/messages';
import type { Msg } from '../../core/msg';
import { p, type Phrase, type Say } from '../../core/phrase';
import type { Ctx, ModelDef } from '../../core/types';
import { put } from './rows';
import type { DbParams } from './params';
import { pget, phas, pmap, pset, psome, pvalues } from '../../core/pmap';
import { addSession, draftOf } from './draft';
import { sessionKey, type DbState, type DbTable, type DbTxn } from './state';
import type { Run } from './txn';
import { goneAway, idleOut } from './idle';
import { DB_TIMERS } from './timers';
import { disconnect, run, timeOut, wake, type LockHolder } from './waits';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A statement answered: its SQL text, the result as the mariadb client prints it, and how long it waited for a lock. */
    'db.exec': { client: string; session: string | null; sql: string; result: Say; code: number | null; txn: number | null; xid: string | null; waitedMs: number | null };
    /** A statement waits for a row lock another transaction holds. */
    'db.wait': { client: string; session: string | null; sql: string; row: string; holder: LockHolder; timeoutMs: number };
    /** A wait closed a cycle of waits: the victim's transaction is rolled back (error 1213). */
    'db.deadlock': { row: string; cycle: LockHolder[]; victim: LockHolder };
    /** A client's connection ended (or the server closed an idle one: `idleMs`): its transactions rolled back, its prepared XA branches kept. */
    'db.disconnect': { client: string; rolledBack: number[]; detached: string[]; idleMs?: number };
    /** The server started after a crash: committed rows and prepared XA branches (with their row locks) recovered. */
    'db.recover': { prepared: string[]; locks: string[] };
  }
}

function initState(p: DbParams): DbState {
  const tables: Record<string, DbTable> = {};
  for (const [name, rows] of Object.entries(p.tables ?? {})) {
    let tb: DbTable = pmap();
    for (const row of rows) tb = pset(tb, row.id, { ...row });
    put(tables, name, tb);
  }
  return {
    tables,
    txns: pmap(),
    sessions: pmap(),
    locks: pmap(),
    nextTxn: 1,
    nextWait: 1,
    lockWaitTimeoutMs: p.lockWaitTimeoutMs ?? 50_000,
    deadlockDetect: p.deadlockDetect ?? true,
    waitTimeoutMs: p.waitTimeoutMs ?? null,
    gone: [],
    stats: { commits: 0, rollbacks: 0, deadlocks: 0, lockTimeouts: 0 },
  };
}

/** Runs `f` on a draft of `s`, then hands released locks to their waiters. */
function work(s: DbState, ctx: Ctx, f: (r: Run) => void): DbState {
  const r: Run = { ...draftOf(s), ctx, released: [] };
  f(r);
  wake(r);
  return r.s;
}

function onQuery(s: DbState, m: DbQueryMsg, from: string, ctx: Ctx): DbState {
  return work(s, ctx, (r) => {
    const key = sessionKey(from, m.session);
    if (r.s.gone.includes(key)) return goneAway(r, key, from, m);
    if (!phas(r.s.sessions, key)) addSession(r, key, { node: from, conn: m.session ?? null, txn: null, waiting: null });
    // A session runs one statement at a time; a client that sends another before the answer broke the protocol.
    if (pget(r.s.sessions, key)!.waiting) return;
    run(r, key, m.id, m.stmt, null);
  });
}

/**
 * The durable part: committed rows, and prepared XA branches with their changes and row locks
 * (InnoDB's recovery puts them back in place); sessions and every other transaction are lost.
 */
function crash(s: DbState): DbState {
  let txns = pmap<DbTxn>();
  let locks = pmap<number>();
  for (const t of pvalues(s.txns)) {
    if (t.xa !== 'PREPARED') continue;
    txns = pset(txns, String(t.id), { ...t, session: null, view: null });
    for (const k of t.locks) locks = pset(locks, k, t.id);
  }
  return { ...s, txns, sessions: pmap(), locks, gone: [] };
}

const txnPhrase = (xid: string | null, txn: number | null, client: string | null, name: (id: string) => string): Phrase =>
  p('model.db.txn', { xa: xid ? 'yes' : 'no', xid: `'${xid}'`, txn: String(txn), hasClient: client ? 'yes' : 'no', client: client ? name(client) : '' });

const who = (h: LockHolder, name: (id: string) => string): Phrase =>
  h.prepared ? p('model.db.whoPrepared', { xid: `'${h.xid}'`, inDoubt: h.client === null ? 'yes' : 'no', client: h.client === null ? '' : name(h.client) }) : txnPhrase(h.xid, h.txn, h.client, name);

/** `items` joined by message `id` (`{a} and {b}`), left to right. */
const joined = (id: string, items: Phrase[]): Phrase => items.slice(1).reduce((a, b) => p(id, { a, b }), items[0]);

/**
 * A MariaDB/InnoDB server: tables of rows, transactions with exclusive row locks and
 * REPEATABLE READ reads, lock waits with a timeout, deadlock detection, XA branches, and
 * durability (committed rows and prepared branches survive a crash).
 */
export const dbModel: ModelDef<DbParams, DbState> = {
  type: 'db',
  init: (p) => initState(p),
  start(s, ctx) {
    const prepared = pvalues(s.txns).filter((t) => t.xa === 'PREPARED');
    if (prepared.length > 0) ctx.trace('db.recover', { prepared: prepared.map((t) => t.xid!), locks: prepared.flatMap((t) => t.locks) });
    return s;
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) {
      if (!psome(s.sessions, (x) => x.node === from)) return s;
      return work(s, ctx, (r) => {
        const out = disconnect(r, from);
        ctx.trace('db.disconnect', { client: from, ...out });
      });
    }
    const m = msg as DbMsg;
    return m.type === 'db.query' ? onQuery(s, m, from, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const tm = DB_TIMERS.match(payload);
    if (!tm) return s;
    return work(s, ctx, (r) => (tm.timer === 'idle' ? idleOut(r, tm) : timeOut(r, tm)));
  },
  crash: (s) => crash(s),
  describeTimer: (payload) => p(DB_TIMERS.match(payload)?.timer === 'idle' ? 'model.db.timerIdle' : 'model.db.timerLockWait'),
  describeMessage(msg: Msg) {
    const m = msg as DbMsg;
    if (m.type === 'db.query') return sqlText(m.stmt);
    if (m.type === 'db.result') return resultSay(m.result);
    return msg.type;
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'db.exec':
        return p('model.db.exec', { node: name(ev.node), sql: ev.sql, client: name(ev.client), waited: ev.waitedMs !== null ? p('model.db.waited', { ms: Math.round(ev.waitedMs) }) : '', result: ev.result });
      case 'db.wait':
        return p('model.db.wait', { client: name(ev.client), sql: ev.sql, row: ev.row, holder: who(ev.holder, name), s: Math.round(ev.timeoutMs / 1000) });
      case 'db.deadlock':
        return p('model.db.deadlock', { node: name(ev.node), row: ev.row, cycle: joined('model.db.cycle', ev.cycle.map((h) => who(h, name))), victim: who(ev.victim, name) });
      case 'db.disconnect': {
        const parts: Phrase[] = [];
        if (ev.rolledBack.length) parts.push(p('model.db.rollsBackOpen', { n: ev.rolledBack.length }));
        if (ev.detached.length) parts.push(p('model.db.keepsPrepared', { n: ev.detached.length, xids: ev.detached.map((x) => `'${x}'`).join(', ') }));
        const all = parts.length ? joined('model.db.and', parts) : null;
        if (ev.idleMs !== undefined) return p('model.db.idleClose', { node: name(ev.node), client: name(ev.client), s: Math.round(ev.idleMs / 1000), parts: all ? p('model.db.idleParts', { parts: all }) : '' });
        return p('model.db.gone', { client: name(ev.client), node: name(ev.node), parts: all ? p('model.db.goneParts', { node: name(ev.node), parts: all }) : '' });
      }
      case 'db.commit':
        return p('model.db.commit', { node: name(ev.node), what: txnPhrase(ev.xid, ev.txn, ev.client, name), changes: ev.changes.length ? joined('model.db.semi', ev.changes.map((c) => (c.to ? p('model.db.row', { row: rowText(c.to) }) : p('model.db.deleted', { row: `${c.table}/${c.id}` })))) : '' });
      case 'db.recover':
        return p('model.db.recover', { node: name(ev.node), n: ev.prepared.length, xids: ev.prepared.map((x) => `'${x}'`).join(', '), locks: ev.locks.join(', ') || p('model.db.noRows') });
      default:
        return undefined;
    }
  },
};
