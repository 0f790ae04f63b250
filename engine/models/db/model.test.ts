import { describe, expect, it } from 'vitest';
import type { DbResult, DbRow, DbStmt } from '../../clients/sql/messages';
import { run } from '../../testing/harness';
import { linked } from '../../testing/peer';
import { DB_MODELS, resultsOf, sqlClient, type SqlStep } from '../../testing/sql';
import { committedRows, dbView } from './view';

const accounts = { accounts: [{ id: 'a', balance: 100, frozen: 0 }, { id: 'b', balance: 50, frozen: 0 }] };
const step = (at: number, stmt: DbStmt, session?: string): SqlStep => (session === undefined ? { at, stmt } : { at, stmt, session });
const debit = (id: string, n: number): DbStmt => ({ op: 'update', table: 'accounts', id, add: { balance: -n } });
const forUpdate = (id: string): DbStmt => ({ op: 'select', table: 'accounts', id, forUpdate: true });

/** A database and clients (each a list of steps), linked with 10 ms of latency. */
function world(clients: Record<string, SqlStep[]>, params: Record<string, unknown> = {}) {
  const nodes = [{ id: 'db', type: 'db', params: { tables: accounts, lockWaitTimeoutMs: 1000, ...params } }, ...Object.entries(clients).map(([id, s]) => sqlClient(id, 'db', s))];
  return run(linked(nodes, Object.keys(clients).map((c) => [c, 'db'] as [string, string]), 10), DB_MODELS);
}

const code = (r: { result: DbResult } | undefined) => (r === undefined ? 'none' : r.result.ok ? 'ok' : r.result.error.code);
const rowsOf = (r: { result: DbResult }): readonly DbRow[] => (r.result.ok ? (r.result.rows ?? []) : []);

describe('db: local transactions', () => {
  it('commits a transfer; the trace shows the SQL a client sends', () => {
    const h = world({ c: [step(0, { op: 'begin' }), step(30, debit('a', 30)), step(60, { op: 'update', table: 'accounts', id: 'b', add: { balance: 30 } }), step(90, { op: 'commit' })] }).runUntil(500);
    h.expectEvent('db.exec', { sql: "UPDATE accounts SET balance = balance - 30 WHERE id = 'a'", result: 'OK, 1 row affected' });
    const s = h.stateOf('db', 'db');
    expect(committedRows(s, 'accounts').a.balance).toBe(70);
    expect(committedRows(s, 'accounts').b.balance).toBe(80);
    expect(s.locks.size).toBe(0);
  });

  it('a second session waits on a locked row, then gets it at commit, reading the committed value', () => {
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, debit('a', 30)), step(300, { op: 'commit' })],
      c2: [step(0, { op: 'begin' }), step(100, forUpdate('a'))],
    }).runUntil(1000);
    h.expectEvent('db.wait', { client: 'c2', row: 'accounts/a' });
    const got = resultsOf(h, 'c2')[1];
    expect(got.result).toEqual({ ok: true, rows: [{ id: 'a', balance: 70, frozen: 0 }] });
    expect(got.at).toBeGreaterThan(300);
    h.expectEvent('db.exec', { client: 'c2', sql: "SELECT * FROM accounts WHERE id = 'a' FOR UPDATE" });
  });

  it('a lock wait times out with 1205 and only the statement fails: the transaction goes on', () => {
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, debit('a', 30))],
      c2: [step(0, { op: 'begin' }), step(20, debit('b', 5)), step(100, debit('a', 1)), step(2000, { op: 'commit' })],
    }).runUntil(3000);
    const r = resultsOf(h, 'c2');
    expect(r[2].result).toEqual({ ok: false, error: { code: 1205, state: 'HY000', message: 'Lock wait timeout exceeded; try restarting transaction' } });
    expect(r[2].at).toBeGreaterThanOrEqual(1100);
    expect(committedRows(h.stateOf('db', 'db'), 'accounts').b.balance).toBe(45);
    expect(h.stateOf('db', 'db').stats.lockTimeouts).toBe(1);
  });

  it('rolls back the lighter transaction of a deadlock (the requester on a tie) with 1213', () => {
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, debit('a', 1)), step(100, debit('b', 1)), step(500, { op: 'commit' })],
      c2: [step(0, { op: 'begin' }), step(20, debit('b', 2)), step(200, debit('a', 2))],
    }).runUntil(1000);
    h.expectEvent('db.deadlock', { victim: { client: 'c2' } });
    expect(resultsOf(h, 'c2')[2].result).toMatchObject({ ok: false, error: { code: 1213, message: 'Deadlock found when trying to get lock; try restarting transaction' } });
    expect(code(resultsOf(h, 'c1')[2])).toBe('ok');
    const s = h.stateOf('db', 'db');
    expect([committedRows(s, 'accounts').a.balance, committedRows(s, 'accounts').b.balance]).toEqual([99, 49]);
  });

  it('picks the waiter as victim when the requester has done more', () => {
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, debit('a', 1)), step(100, debit('b', 1))],
      c2: [step(0, { op: 'begin' }), step(20, { op: 'insert', table: 'accounts', row: { id: 'c', balance: 1, frozen: 0 } }), step(30, debit('b', 2)), step(200, debit('a', 2))],
    }).runUntil(1000);
    h.expectEvent('db.deadlock', { victim: { client: 'c1' } });
    expect(code(resultsOf(h, 'c1')[2])).toBe(1213);
    expect(code(resultsOf(h, 'c2')[3])).toBe('ok');
  });

  it('without deadlock detection, a deadlock ends by lock wait timeout', () => {
    const h = world(
      {
        c1: [step(0, { op: 'begin' }), step(10, debit('a', 1)), step(100, debit('b', 1))],
        c2: [step(0, { op: 'begin' }), step(20, debit('b', 2)), step(200, debit('a', 2))],
      },
      { deadlockDetect: false },
    ).runUntil(3000);
    h.expectNoEvent('db.deadlock');
    expect(code(resultsOf(h, 'c1')[2])).toBe(1205);
  });

  it('keeps committed rows across a crash and loses uncommitted work; the client sees its connection reset', () => {
    const h = world({ c: [step(0, debit('a', 10)), step(50, { op: 'begin' }), step(100, debit('b', 10))] })
      .at(300)
      .crash('db')
      .at(400)
      .restart('db')
      .runUntil(1000);
    const s = h.stateOf('db', 'db');
    expect(committedRows(s, 'accounts').a.balance).toBe(90);
    expect(committedRows(s, 'accounts').b.balance).toBe(50);
    expect(s.locks.size).toBe(0);
    expect(s.txns.size).toBe(0);
  });

  it('rolls back an open transaction when its client disconnects', () => {
    const h = world({ c: [step(0, { op: 'begin' }), step(10, debit('a', 10))] })
      .at(200)
      .crash('c')
      .runUntil(1000);
    h.expectEvent('db.disconnect', { client: 'c', detached: [] });
    expect(committedRows(h.stateOf('db', 'db'), 'accounts').a.balance).toBe(100);
    expect(h.stateOf('db', 'db').locks.size).toBe(0);
  });

  it('reads at REPEATABLE READ: a plain SELECT keeps its read view; FOR UPDATE reads the latest', () => {
    const sel: DbStmt = { op: 'select', table: 'accounts', id: 'a' };
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, sel), step(200, sel), step(210, forUpdate('a'))],
      c2: [step(100, debit('a', 40))],
    }).runUntil(1000);
    const r = resultsOf(h, 'c1');
    expect([r[1], r[2], r[3]].map((x) => rowsOf(x)[0].balance)).toEqual([100, 100, 60]);
  });

  it('conditional debit, insert duplicate and scan', () => {
    const h = world({
      c: [
        step(0, { op: 'update', table: 'accounts', id: 'b', add: { balance: -80 }, atLeast: { balance: 80 } }),
        step(20, { op: 'insert', table: 'accounts', row: { id: 'a', balance: 1, frozen: 0 } }),
        step(40, { op: 'insert', table: 'accounts', row: { id: 'a', balance: 1, frozen: 0 }, ignore: true }),
        step(60, { op: 'scan', table: 'accounts', where: { frozen: 0 } }),
        step(80, { op: 'select', table: 'nope', id: 'x' }),
      ],
    }).runUntil(500);
    const r = resultsOf(h, 'c');
    expect(r[0].result).toEqual({ ok: true, affected: 0 });
    expect(r[1].result).toEqual({ ok: false, error: { code: 1062, state: '23000', message: "Duplicate entry 'a' for key 'PRIMARY'" } });
    expect(r[2].result).toEqual({ ok: true, affected: 0 });
    expect(rowsOf(r[3])).toHaveLength(2);
    expect(code(r[4])).toBe(1146);
  });
});

describe('db: XA branches', () => {
  const xa = (op: 'xa-start' | 'xa-end' | 'xa-prepare' | 'xa-rollback', xid = 'g1'): DbStmt => ({ op, xid });
  const prepared = (at = 0): SqlStep[] => [step(at, xa('xa-start')), step(at + 10, debit('a', 30)), step(at + 20, xa('xa-end')), step(at + 30, xa('xa-prepare'))];

  it('walks ACTIVE -> IDLE -> PREPARED and refuses what each state does not allow, with the server\'s words', () => {
    const h = world({
      c: [
        step(0, xa('xa-start')),
        step(10, { op: 'commit' }),
        step(20, xa('xa-end', 'other')),
        step(30, xa('xa-end')),
        step(40, debit('a', 1)),
        step(50, xa('xa-prepare')),
        step(60, { op: 'xa-commit', xid: 'g1', onePhase: true }),
        step(70, { op: 'xa-recover' }),
        step(80, { op: 'xa-commit', xid: 'g1' }),
        step(90, { op: 'xa-commit', xid: 'g1' }),
      ],
    }).runUntil(500);
    const r = resultsOf(h, 'c');
    expect(r[1].result).toMatchObject({ error: { code: 1399, state: 'XAE07', message: 'XAER_RMFAIL: The command cannot be executed when global transaction is in the  ACTIVE state' } });
    expect(code(r[2])).toBe(1397);
    expect(r[4].result).toMatchObject({ error: { message: 'XAER_RMFAIL: The command cannot be executed when global transaction is in the  IDLE state' } });
    expect(code(r[6])).toBe(1398);
    expect(r[7].result).toEqual({ ok: true, rows: [{ formatID: 1, gtrid_length: 2, bqual_length: 0, data: 'g1' }] });
    expect(code(r[8])).toBe('ok');
    expect(code(r[9])).toBe(1397);
  });

  it('commits an IDLE branch in one phase', () => {
    const h = world({ c: [step(0, xa('xa-start')), step(10, debit('a', 5)), step(20, xa('xa-end')), step(30, { op: 'xa-commit', xid: 'g1', onePhase: true })] }).runUntil(500);
    expect(committedRows(h.stateOf('db', 'db'), 'accounts').a.balance).toBe(95);
  });

  it('a disconnect rolls back an ACTIVE or IDLE branch but a PREPARED one survives, holding its row lock', () => {
    const h = world({
      c1: prepared(),
      c2: [step(0, xa('xa-start', 'g2')), step(10, debit('b', 1)), step(20, xa('xa-end', 'g2'))],
      c3: [step(600, forUpdate('a')), step(2000, { op: 'xa-recover' }), step(2100, { op: 'xa-commit', xid: 'g1' })],
    })
      .at(300)
      .crash('c1')
      .crash('c2')
      .runUntil(3000);
    h.expectEvent('db.disconnect', { client: 'c1', detached: ['g1'] });
    const r = resultsOf(h, 'c3');
    expect(code(r[0])).toBe(1205);
    expect(rowsOf(r[1]).map((x) => x.data)).toEqual(['g1']);
    expect(code(r[2])).toBe('ok');
    const s = h.stateOf('db', 'db');
    expect([committedRows(s, 'accounts').a.balance, committedRows(s, 'accounts').b.balance]).toEqual([70, 50]);
  });

  it('a prepared branch survives a crash of the database with its locks, in doubt on the card, until XA COMMIT', () => {
    const h = world({ c1: prepared(), c2: [step(1000, forUpdate('a')), step(1200, { op: 'xa-rollback', xid: 'g1' }, 'admin')] })
      .at(300)
      .crash('db')
      .at(500)
      .restart('db')
      .runUntil(3000);
    h.expectEvent('db.recover', { prepared: ['g1'], locks: ['accounts/a'] });
    const r = resultsOf(h, 'c2');
    expect(r[0].at).toBeGreaterThan(1200);
    expect(r[0].result).toEqual({ ok: true, rows: [{ id: 'a', balance: 100, frozen: 0 }] });
  });

  it('the card shows the in-doubt branch and the locked row with its pending value', () => {
    const h = world({ c1: prepared() }).at(300).crash('db').at(500).restart('db').runUntil(800);
    const v = dbView(h.stateOf('db', 'db'));
    expect(v.txns).toEqual([{ id: 1, client: null, xid: 'g1', state: 'PREPARED', inDoubt: true, locks: ['accounts/a'], changes: 1 }]);
    expect(v.tables[0].rows[0]).toEqual({ id: 'a', cells: [100, 0], pending: [70, 0], lockedBy: 1 });
  });

  it('XA START inside a local transaction is XAER_OUTSIDE; a used xid is XAER_DUPID', () => {
    const h = world({
      c1: [step(0, { op: 'begin' }), step(10, xa('xa-start'))],
      c2: [step(0, xa('xa-start', 'dup'))],
      c3: [step(50, xa('xa-start', 'dup'))],
    }).runUntil(500);
    expect(code(resultsOf(h, 'c1')[1])).toBe(1400);
    expect(code(resultsOf(h, 'c3')[0])).toBe(1440);
  });
});
