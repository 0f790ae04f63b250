import { pdel, pget, pset } from '../../core/pmap';
import type { DbSession, DbState, DbStats, DbTxn, DbWrites } from './state';

// A handler's working copy of the state, copied on write: the top level at once, then each
// transaction, session and the counters the first time the handler changes them (the maps are
// persistent: a change makes a new one). An earlier state (or a
// snapshot) may share everything else, so nothing else is changed in place, and a step costs
// what it touches, not what the server holds.

/** The state being worked on, and what of it this step has copied (so may change in place). */
export interface Draft {
  s: DbState;
  copied: { stats: boolean; txn: number[]; sess: string[] };
}

/** A draft of `s`: its top level copied, everything else shared until changed. */
export function draftOf(s: DbState): Draft {
  return { s: { ...s }, copied: { stats: false, txn: [], sess: [] } };
}

/** Transaction `id`, this step's own copy. */
export function txnW(d: Draft, id: number): DbTxn {
  const t = pget(d.s.txns, String(id))!;
  if (d.copied.txn.includes(id)) return t;
  const writes: DbWrites = {};
  for (const tb of Object.keys(t.writes)) writes[tb] = { ...t.writes[tb] };
  const own: DbTxn = { ...t, writes, locks: [...t.locks] };
  d.s.txns = pset(d.s.txns, String(id), own);
  d.copied.txn.push(id);
  return own;
}

/** Adds a transaction made by this step. */
export function addTxn(d: Draft, t: DbTxn): void {
  d.s.txns = pset(d.s.txns, String(t.id), t);
  d.copied.txn.push(t.id);
}

export function dropTxn(d: Draft, id: number): void {
  d.s.txns = pdel(d.s.txns, String(id));
}

/** Session `key`, this step's own copy. */
export function sessW(d: Draft, key: string): DbSession {
  const sess = pget(d.s.sessions, key)!;
  if (d.copied.sess.includes(key)) return sess;
  const own = { ...sess };
  d.s.sessions = pset(d.s.sessions, key, own);
  d.copied.sess.push(key);
  return own;
}

/** Adds a session made by this step. */
export function addSession(d: Draft, key: string, sess: DbSession): void {
  d.s.sessions = pset(d.s.sessions, key, sess);
  d.copied.sess.push(key);
}

export function dropSession(d: Draft, key: string): void {
  d.s.sessions = pdel(d.s.sessions, key);
}


/** The counters, this step's own copy. */
export function statsW(d: Draft): DbStats {
  if (!d.copied.stats) {
    d.s.stats = { ...d.s.stats };
    d.copied.stats = true;
  }
  return d.s.stats;
}
