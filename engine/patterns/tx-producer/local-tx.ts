import type { DbResult, DbStmt } from '../../clients/sql/messages';
import { p, type Say } from '../../core/phrase';

// The local transaction on a `db` node (with `db` set): one step at a time on the producer's
// main session. The checker asks on a second session ('check'), as RocketMQ's check listener
// runs on its own thread with its own connection, so a check never waits behind the order.

/** The steps of the local transaction, and the scan of tx_log a (re)started producer begins with. */
export type Step = 'scan' | 'begin' | 'debit' | 'log' | 'commit' | 'rollback';

/** What the order in progress needs for its statements. */
export interface LocalTx {
  order: string;
  msgId: string;
  account: string;
  amount: number;
}

/** The statement of `step`. */
export function statement(step: Step, t: LocalTx): DbStmt {
  switch (step) {
    case 'scan':
      return { op: 'scan', table: 'tx_log' };
    case 'begin':
      return { op: 'begin' };
    case 'debit':
      return { op: 'update', table: 'accounts', id: t.account, add: { balance: -t.amount }, atLeast: { balance: t.amount } };
    case 'log':
      return { op: 'insert', table: 'tx_log', row: { id: t.msgId, order: t.order, state: 'committed' } };
    case 'commit':
      return { op: 'commit' };
    case 'rollback':
      return { op: 'rollback' };
  }
}

/** What the producer does after step `step` answered `r`: the next step, or why it rolls back. */
export function after(step: Exclude<Step, 'scan' | 'commit' | 'rollback'>, r: DbResult, fails: boolean, t: LocalTx): { next: Step; why?: Say } {
  if (!r.ok) return { next: 'rollback', why: `ERROR ${r.error.code}` };
  switch (step) {
    case 'begin':
      return { next: 'debit' };
    case 'debit':
      return r.affected === 0 ? { next: 'rollback', why: p('pattern.tx-producer.whyLess', { account: t.account, amount: t.amount }) } : { next: 'log' };
    case 'log':
      return fails ? { next: 'rollback', why: p('pattern.tx-producer.whyOrderFails') } : { next: 'commit' };
  }
}

/** The check's lookup: the message's row in tx_log. */
export const checkStmt = (msgId: string): DbStmt => ({ op: 'select', table: 'tx_log', id: msgId });

/** The session the checker uses. */
export const CHECK_SESSION = 'check';
