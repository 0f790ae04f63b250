import type { en } from './messages.en';

/** Simplified Chinese messages of `model.db`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  txn: '{hasClient, select, yes {{client} 的{xa, select, yes { XA 分支 {xid}} other {事务 {txn}}}} other {{xa, select, yes {XA 分支 {xid}} other {事务 {txn}}}}}',
  whoPrepared: '{inDoubt, select, yes {已 PREPARE 的 XA 分支 {xid}（未决：没有会话持有它）} other {{client} 已 PREPARE 的 XA 分支 {xid}}}',
  cycle: '{a} ⇄ {b}',
  and: '{a}，并{b}',
  semi: '{a}；{b}',
  timerIdle: '空闲连接超时（wait_timeout）',
  timerLockWait: '锁等待超时（innodb_lock_wait_timeout）',
  exec: '{node} 为 {client} 执行 {sql}{waited} → {result}',
  waited: '（等待行锁 {ms} ms 之后）',
  wait: '{client} 的 {sql} 在等待：行 {row} 被锁住，持有者：{holder}（{s} s 后放弃）',
  deadlock: '{node} 在 {row} 上发现死锁（{cycle}），回滚 {victim}：ERROR 1213',
  rollsBackOpen: '回滚它未结束的 {n} 个事务',
  keepsPrepared: '保留已 PREPARE 的 {n} 个 XA 分支 {xids} 及其行锁',
  idleClose: '{node} 关闭 {client} 空闲了 {s} s 的连接（wait_timeout）{parts}',
  idleParts: '，并{parts}',
  gone: '{client} 到 {node} 的连接断开了{parts}',
  goneParts: '：{node} {parts}',
  commit: '{node} 提交 {what}：{changes}',
  row: '{row}',
  deleted: '{row} 已删除',
  recover: '{node} 恢复：已提交的行都在磁盘上，未提交的工作都丢失了；已 PREPARE 的 {n} 个 XA 分支 {xids} 处于未决状态，在协调者作出决议之前仍然锁着 {locks}',
  noRows: '（没有行）',
};
