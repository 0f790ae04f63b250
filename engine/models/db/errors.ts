import type { DbError } from '../../clients/sql/messages';

// MariaDB's errors, with the number, SQLSTATE and text the server sends (checked against
// MariaDB 10.11 by conformance/mariadb; note the two spaces in XAER_RMFAIL's text, which the
// server's message template has).

/** An XA branch's state as MariaDB names it in XAER_RMFAIL. */
export type XaStateName = 'NON-EXISTING' | 'ACTIVE' | 'IDLE' | 'PREPARED' | 'ROLLBACK ONLY';

const e = (code: number, state: string, message: string): DbError => ({ code, state, message });

/** 1205: a lock wait ran past innodb_lock_wait_timeout (only the statement is rolled back). */
export const LOCK_WAIT_TIMEOUT = e(1205, 'HY000', 'Lock wait timeout exceeded; try restarting transaction');
/** 1213: this transaction was chosen as a deadlock's victim and rolled back whole. */
export const DEADLOCK = e(1213, '40001', 'Deadlock found when trying to get lock; try restarting transaction');
/** 1397: no XA branch with that xid (or it belongs to another live session). */
export const XAER_NOTA = e(1397, 'XAE04', 'XAER_NOTA: Unknown XID');
/** 1398: e.g. XA COMMIT … ONE PHASE on a prepared branch. */
export const XAER_INVAL = e(1398, 'XAE05', 'XAER_INVAL: Invalid arguments (or unsupported command)');
/** 1614: XA COMMIT / XA ROLLBACK of a branch a deadlock rolled back (which ends it). */
export const XA_RBDEADLOCK = e(1614, 'XA102', 'XA_RBDEADLOCK: Transaction branch was rolled back: deadlock was detected');
/** 1400: XA START inside a local transaction. */
export const XAER_OUTSIDE = e(1400, 'XAE09', 'XAER_OUTSIDE: Some work is done outside global transaction');
/** 1440: XA START with an xid that exists. */
export const XAER_DUPID = e(1440, 'XAE08', 'XAER_DUPID: The XID already exists');

/** 1399: the statement is not allowed while the session's XA branch is in `state`. */
export function xaerRmfail(state: XaStateName): DbError {
  return e(1399, 'XAE07', `XAER_RMFAIL: The command cannot be executed when global transaction is in the  ${state} state`);
}

/** 1062: an insert hit an existing primary key. */
export function duplicateKey(id: string): DbError {
  return e(1062, '23000', `Duplicate entry '${id}' for key 'PRIMARY'`);
}

/** 1146: the table does not exist (`db` is the database's name). */
export function noSuchTable(db: string, table: string): DbError {
  return e(1146, '42S02', `Table '${db}.${table}' doesn't exist`);
}
