import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.tx-producer`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  tally: '已支付 {paid} 笔{failed, plural, =0 {} other {，失败 {failed} 笔}}',
  working: '{order}：{stage, select, half {半消息已发送} local {本地事务执行中} other {本地已提交，接下来发送 COMMIT}} · {tally}',
  timer: '{timer, select, next {支付下一笔订单} local {本地事务结束} end {发送 COMMIT 或 ROLLBACK} hello {重新向 broker 注册} other {向 broker 发送心跳}}',
  half: '{node} 向 {topic} 发送 {order} 的半消息：已存储，但消费者暂时看不到',
  localCommit: '{node} 提交本地事务：{order} 在它的数据库中已标记为已支付',
  localUnknown: '{node} 为 {order} 的本地事务发送了 COMMIT，却一直没收到应答（{why}）：结果是 UNKNOWN，直到回查读取数据库才能确定',
  localRollback: '{node} 为 {order} 执行的本地事务失败并回滚',
  localRollbackWhy: '{node} 为 {order} 执行的本地事务失败并回滚（{why}）',
  noAnswer: '没有应答',
  end: '{node} 为 {order} 发送 {resolution}',
  check: '{node} 被回查 {order}（第 {checkTimes} 次回查）；它的数据库{row, select, none {里没有这条消息的记录} committed {显示 {order} 已提交（committed）} other {显示 {order} 为 {row}}}，于是应答 {answer}',
  whyLess: '{account} 的余额不足 {amount}',
  whyOrderFails: '订单处理失败',
  whyGoneCommit: '数据库在应答 COMMIT 之前断开了',
  whyGone: '数据库断开了',
  title: '事务消息生产者（半消息，本地事务，回查）',
};
