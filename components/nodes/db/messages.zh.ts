import type { en } from './messages.en';

/** Simplified Chinese messages of `node.db`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  accountFrozen: '{id} {balance}（冻结 {frozen}）',
  twoAccounts: '{a} · {b}',
  oneAccount: '{a}',
  inDoubt: '{n} 个分支状态未决',
  lockWaits: '{n} 个锁等待',
  openTxns: '{n} 个未结束事务',
  tables: '{n} 张表',
  lockedInDoubt: '被状态未决的分支锁住',
  lockedBy: '被事务 {txn} 锁住',
  txn: '事务 {id}',
  inDoubtTag: ' · 状态未决',
  locks: ' · 锁住 {rows}',
  wait: '{client} 等待 {row}{holder, select, none {} other {（事务 {holder}）}}：{s} s 后 ERROR 1205',
  deadlocks: '{n} 次死锁（1213）',
  lockTimeouts: '{n} 次锁等待超时（1205）',
  commits: '提交 {commits} · 回滚 {rollbacks}',
  rowsHidden: '另有 {n} 行，全部见“属性”',
  idColumn: 'id',
};
