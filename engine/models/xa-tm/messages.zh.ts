import type { en } from './messages.en';

/** Simplified Chinese messages of `model.xa-tm`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  noRow: '{stmt} 没有改动任何行（余额不足）',
  timerRetry: '再次发送决议',
  timerNext: '开始下一笔转账',
  begin: '{node} 开始全局事务 {gtrid}：从 {from} 转 {amount} 到 {to}{how, select, twoPhase {（两阶段提交）} onePhase {（只有一个分支：一阶段提交）} other {（每个分支各自提交：没有两阶段提交）}}',
  voteYes: '{db} 已准备好 {gtrid} 的分支：投赞成票',
  voteNo: '{db} 上 {gtrid} 的分支失败：投反对票（{reason}）',
  decide: '{node} 把“{record}”写入日志，然后通知每个分支',
  end: '{gtrid} {outcome, select, partial {只完成了一半：部分分支已提交，其余没有} committed {已在每个数据库上提交} other {已在每个数据库上回滚}}',
  recovered: '{node} 完成恢复：{committed}{sep, select, yes {；} other {}}{rolledBack}{nothing, select, yes {没有处于未决状态的分支} other {}}',
  recoveredCommitted: '提交了 {gtrids}（日志记录的决议是提交）',
  recoveredRolledBack: '回滚了 {gtrids}（日志中没有决议：假定中止）',
};
