import { isConnectionClosed } from '../../core/connection';
import { resultText, rowText, sqlText, type DbMsg, type DbQueryMsg } from '../../clients/sql/messages';
import type { Msg } from '../../core/msg';
import type { Ctx, ModelDef } from '../../core/types';
import { put } from './rows';
import type { DbParams } from './params';
import { draft, sessionKey, type DbState, type DbTable, type DbTxn } from './state';
import type { Run } from './txn';
import { goneAway, idleOut } from './idle';
import { DB_TIMERS } from './timers';
import { disconnect, run, timeOut, wake, type LockHolder } from './waits';

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A statement answered: its SQL text, the result as the mariadb client prints it, and how long it waited for a lock. */
    'db.exec': { client: string; session: string | null; sql: string; result: string; code: number | null; txn: number | null; xid: string | null; waitedMs: number | null };
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
    const tb: Record<string, DbTable[string]> = {};
    for (const row of rows) put(tb, row.id, { ...row });
    put(tables, name, tb);
  }
  return {
    tables,
    txns: {},
    sessions: {},
    locks: {},
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
  const r: Run = { s: draft(s), ctx, released: [] };
  f(r);
  wake(r);
  return r.s;
}

function onQuery(s: DbState, m: DbQueryMsg, from: string, ctx: Ctx): DbState {
  return work(s, ctx, (r) => {
    const key = sessionKey(from, m.session);
    if (r.s.gone.includes(key)) return goneAway(r, key, from, m);
    if (!Object.hasOwn(r.s.sessions, key)) r.s.sessions[key] = { node: from, conn: m.session ?? null, txn: null, waiting: null };
    // A session runs one statement at a time; a client that sends another before the answer broke the protocol.
    if (r.s.sessions[key].waiting) return;
    run(r, key, m.id, m.stmt, null);
  });
}

/**
 * The durable part: committed rows, and prepared XA branches with their changes and row locks
 * (InnoDB's recovery puts them back in place); sessions and every other transaction are lost.
 */
function crash(s: DbState): DbState {
  const txns: Record<string, DbTxn> = {};
  const locks: Record<string, number> = {};
  for (const t of Object.values(s.txns)) {
    if (t.xa !== 'PREPARED') continue;
    txns[t.id] = { ...t, session: null, view: null };
    for (const k of t.locks) put(locks, k, t.id);
  }
  return { ...s, txns, sessions: {}, locks, gone: [] };
}

const who = (h: LockHolder, name: (id: string) => string): string =>
  h.prepared ? `prepared XA branch '${h.xid}'${h.client === null ? ' (in doubt: no session holds it)' : ` of ${name(h.client)}`}` : `${h.xid ? `XA branch '${h.xid}'` : `transaction ${h.txn}`}${h.client === null ? '' : ` of ${name(h.client)}`}`;

/**
 * A MariaDB/InnoDB server: tables of rows, transactions with exclusive row locks and
 * REPEATABLE READ reads, lock waits with a timeout, deadlock detection, XA branches, and
 * durability (committed rows and prepared branches survive a crash).
 */
export const dbModel: ModelDef<DbParams, DbState> = {
  type: 'db',
  init: (p) => initState(p),
  start(s, ctx) {
    const prepared = Object.values(s.txns).filter((t) => t.xa === 'PREPARED');
    if (prepared.length > 0) ctx.trace('db.recover', { prepared: prepared.map((t) => t.xid!), locks: prepared.flatMap((t) => t.locks) });
    return s;
  },
  onMessage(s, msg, from, ctx) {
    if (isConnectionClosed(msg)) {
      if (!Object.values(s.sessions).some((x) => x.node === from)) return s;
      return work(s, ctx, (r) => {
        const out = disconnect(r, from);
        ctx.trace('db.disconnect', { client: from, ...out });
      });
    }
    const m = msg as DbMsg;
    return m.type === 'db.query' ? onQuery(s, m, from, ctx) : s;
  },
  onTimer(s, payload, ctx) {
    const p = DB_TIMERS.match(payload);
    if (!p) return s;
    return work(s, ctx, (r) => (p.timer === 'idle' ? idleOut(r, p) : timeOut(r, p)));
  },
  crash: (s) => crash(s),
  describeTimer: (payload) => (DB_TIMERS.match(payload)?.timer === 'idle' ? 'an idle connection times out (wait_timeout)' : 'lock wait timeout (innodb_lock_wait_timeout)'),
  describeMessage(msg: Msg) {
    const m = msg as DbMsg;
    if (m.type === 'db.query') return sqlText(m.stmt);
    if (m.type === 'db.result') return resultText(m.result);
    return msg.type;
  },
  narrate(ev, name) {
    switch (ev.type) {
      case 'db.exec':
        return `${name(ev.node)} runs ${ev.sql} for ${name(ev.client)}${ev.waitedMs !== null ? ` after waiting ${Math.round(ev.waitedMs)} ms for a row lock` : ''} → ${ev.result}`;
      case 'db.wait':
        return `${name(ev.client)}'s ${ev.sql} waits: row ${ev.row} is locked by ${who(ev.holder, name)} (gives up after ${Math.round(ev.timeoutMs / 1000)} s)`;
      case 'db.deadlock':
        return `${name(ev.node)} finds a deadlock over ${ev.row} (${ev.cycle.map((h) => who(h, name)).join(' ⇄ ')}) and rolls back ${who(ev.victim, name)}: ERROR 1213`;
      case 'db.disconnect': {
        const parts = [];
        if (ev.rolledBack.length) parts.push(`rolls back its open transaction${ev.rolledBack.length > 1 ? 's' : ''}`);
        if (ev.detached.length) parts.push(`keeps prepared XA branch${ev.detached.length > 1 ? 'es' : ''} ${ev.detached.map((x) => `'${x}'`).join(', ')} with their row locks`);
        if (ev.idleMs !== undefined) return `${name(ev.node)} closes ${name(ev.client)}'s connection, idle for ${Math.round(ev.idleMs / 1000)} s (wait_timeout)${parts.length ? ` and ${parts.join(' and ')}` : ''}`;
        return `${name(ev.client)}'s connection to ${name(ev.node)} is gone${parts.length ? `: ${name(ev.node)} ${parts.join(' and ')}` : ''}`;
      }
      case 'db.commit':
        return `${name(ev.node)} commits ${ev.xid ? `XA branch '${ev.xid}'` : `transaction ${ev.txn}`}${ev.client ? ` of ${name(ev.client)}` : ''}: ${ev.changes.map((c) => (c.to ? rowText(c.to) : `${c.table}/${c.id} deleted`)).join('; ')}`;
      case 'db.recover':
        return `${name(ev.node)} recovers: committed rows are on disk, uncommitted work is gone; prepared XA branch${ev.prepared.length > 1 ? 'es' : ''} ${ev.prepared.map((x) => `'${x}'`).join(', ')} in doubt, still locking ${ev.locks.join(', ') || 'no rows'} until a coordinator decides`;
      default:
        return undefined;
    }
  },
};
