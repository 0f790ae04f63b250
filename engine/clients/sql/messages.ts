// The SQL protocol between clients and a `db` node, as plain data. A statement is a typed command
// (no SQL parser on either end), but `sqlText` renders it as the SQL a client would send, which
// is what the trace and the canvas show and what the conformance suite sends to a real MariaDB.

import type { Say } from '../../core/phrase';
import { t } from '../say';

/** A column value: MariaDB's BIGINT and VARCHAR as the model knows them. */
export type DbValue = number | string;

/** One row: `id` is the primary key; the other columns are the table's own. */
export type DbRow = Readonly<Record<string, DbValue>>;

/**
 * A statement. Rows are addressed by primary key (`id`), as the patterns this database serves
 * do; a select without `id` scans the table in key order (optionally filtered by equal columns),
 * and takes no lock.
 */
export type DbStmt =
  | { readonly op: 'begin' }
  | { readonly op: 'commit' }
  | { readonly op: 'rollback' }
  | { readonly op: 'select'; readonly table: string; readonly id: string; readonly forUpdate?: boolean }
  | { readonly op: 'scan'; readonly table: string; readonly where?: DbRow }
  | { readonly op: 'insert'; readonly table: string; readonly row: DbRow; readonly ignore?: boolean }
  /**
   * `set` assigns, `add` adds (negative to subtract), and `atLeast` is the guard a conditional
   * debit needs (`… WHERE id = 'a' AND balance >= 30`): a row that fails it is locked but not changed.
   */
  | {
      readonly op: 'update';
      readonly table: string;
      readonly id: string;
      readonly set?: DbRow;
      readonly add?: Readonly<Record<string, number>>;
      readonly atLeast?: Readonly<Record<string, number>>;
    }
  | { readonly op: 'delete'; readonly table: string; readonly id: string }
  | XaStmt;

/** An XA statement: the branch `xid` is the coordinator's global transaction id. */
export type XaStmt =
  | { readonly op: 'xa-start'; readonly xid: string }
  | { readonly op: 'xa-end'; readonly xid: string }
  | { readonly op: 'xa-prepare'; readonly xid: string }
  | { readonly op: 'xa-commit'; readonly xid: string; readonly onePhase?: boolean }
  | { readonly op: 'xa-rollback'; readonly xid: string }
  | { readonly op: 'xa-recover' };

/** Whether `s` is an XA statement. */
export const isXa = (s: DbStmt): s is XaStmt => s.op.startsWith('xa-');

/** A MariaDB error: its number, SQLSTATE and message, exactly as the server sends them. */
export interface DbError {
  readonly code: number;
  readonly state: string;
  readonly message: string;
}

/** What a statement returned: rows (a select, XA RECOVER) or the rows it affected, or an error. */
export type DbResult = { readonly ok: true; readonly rows?: readonly DbRow[]; readonly affected?: number } | { readonly ok: false; readonly error: DbError };

/** Client -> db: one statement on the client's session `session` (absent: its only session). */
export interface DbQueryMsg {
  readonly type: 'db.query';
  readonly id: number;
  readonly stmt: DbStmt;
  readonly session?: string;
}

/** Db -> client: the answer to query `id`. */
export interface DbResultMsg {
  readonly type: 'db.result';
  readonly id: number;
  readonly result: DbResult;
  readonly session?: string;
}

export type DbMsg = DbQueryMsg | DbResultMsg;

/** Builds a query message. */
export function dbQuery(id: number, stmt: DbStmt, session?: string): DbQueryMsg {
  return session === undefined ? { type: 'db.query', id, stmt } : { type: 'db.query', id, stmt, session };
}

/** A string literal as SQL writes it. */
const lit = (v: DbValue): string => (typeof v === 'number' ? String(v) : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
/** An identifier (names here are plain words; backquotes keep a reserved word such as `status` safe). */
const ident = (n: string): string => (/^[a-z_][a-z0-9_]*$/i.test(n) ? n : `\`${n.replace(/`/g, '``')}\``);
const byId = (id: string) => `WHERE id = ${lit(id)}`;

/** The SQL text of a statement, as a client sends it to MariaDB. */
export function sqlText(s: DbStmt): string {
  switch (s.op) {
    case 'begin':
      return 'START TRANSACTION';
    case 'commit':
      return 'COMMIT';
    case 'rollback':
      return 'ROLLBACK';
    case 'select':
      return `SELECT * FROM ${ident(s.table)} ${byId(s.id)}${s.forUpdate ? ' FOR UPDATE' : ''}`;
    case 'scan': {
      const w = Object.entries(s.where ?? {});
      return `SELECT * FROM ${ident(s.table)}${w.length ? ` WHERE ${w.map(([c, v]) => `${ident(c)} = ${lit(v)}`).join(' AND ')}` : ''} ORDER BY id`;
    }
    case 'insert': {
      const cols = Object.keys(s.row);
      return `INSERT ${s.ignore ? 'IGNORE ' : ''}INTO ${ident(s.table)} (${cols.map(ident).join(', ')}) VALUES (${cols.map((c) => lit(s.row[c])).join(', ')})`;
    }
    case 'update': {
      const sets = [
        ...Object.entries(s.set ?? {}).map(([c, v]) => `${ident(c)} = ${lit(v)}`),
        ...Object.entries(s.add ?? {}).map(([c, d]) => `${ident(c)} = ${ident(c)} ${d < 0 ? '-' : '+'} ${Math.abs(d)}`),
      ];
      const guard = Object.entries(s.atLeast ?? {}).map(([c, v]) => ` AND ${ident(c)} >= ${v}`);
      return `UPDATE ${ident(s.table)} SET ${sets.join(', ')} ${byId(s.id)}${guard.join('')}`;
    }
    case 'delete':
      return `DELETE FROM ${ident(s.table)} ${byId(s.id)}`;
    case 'xa-start':
      return `XA START ${lit(s.xid)}`;
    case 'xa-end':
      return `XA END ${lit(s.xid)}`;
    case 'xa-prepare':
      return `XA PREPARE ${lit(s.xid)}`;
    case 'xa-commit':
      return `XA COMMIT ${lit(s.xid)}${s.onePhase ? ' ONE PHASE' : ''}`;
    case 'xa-rollback':
      return `XA ROLLBACK ${lit(s.xid)}`;
    case 'xa-recover':
      return 'XA RECOVER';
  }
}

/** A row as one short line: `a: balance 100, frozen 0`. */
export function rowText(r: DbRow): string {
  const rest = Object.keys(r).filter((k) => k !== 'id');
  return `${String(r.id ?? '?')}${rest.length ? `: ${rest.map((k) => `${k} ${r[k]}`).join(', ')}` : ''}`;
}

/** A result for a person: as resultText, with "empty set" worded. */
export function resultSay(r: DbResult): Say {
  return r.ok && r.rows?.length === 0 ? t('sqlEmptySet') : resultText(r);
}

/** A result as the mariadb client prints it, shortened: `1 row`, `OK, 1 row affected`, `ERROR 1205 (HY000): …`. */
export function resultText(r: DbResult): string {
  if (!r.ok) return `ERROR ${r.error.code} (${r.error.state}): ${r.error.message}`;
  if (r.rows) {
    if (r.rows.length === 0) return 'empty set';
    return r.rows.length === 1 && r.rows[0].id !== undefined ? rowText(r.rows[0]) : `${r.rows.length} rows`;
  }
  return r.affected === undefined ? 'OK' : `OK, ${r.affected} row${r.affected === 1 ? '' : 's'} affected`;
}
