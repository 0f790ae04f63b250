import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.inbox-consumer`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '带收件箱表的消费者（在业务事务中去重）',
  rolledBack: '已回滚',
  noAccount: '{account} 没有账户',
  outOfStock: '{item} 已无库存',
  connLost: '与数据库的连接断开',
  tally: '已{effect, select, credit {入账} other {发货}} {n} 条{dups}',
  dups: ' · 吸收了 {n} 条重复消息',
  handling: '正在处理 {key}（{body}）· {tally}',
  timerHello: '重新向 broker 注册',
  timerBeat: '向 broker 发送心跳',
  timerWork: '处理这条消息',
  what: '{account} +{amount}（{order}）',
  creditDedupe: '{node} 入账 {what}：{order} 写入收件箱表，连同入账，在同一个本地事务中完成',
  creditNoInbox: '{node} 入账 {what}（{msgId}）；它没有收件箱表，所以分辨不出重复消息',
  shipDedupe: '{node} 为 {order} 发货：{outboxId} 写入收件箱表，库存减一，在同一个本地事务中完成',
  shipNoInbox: '{node} 为 {order} 发货（{outboxId}，{msgId}）：库存减一；它没有收件箱表，所以分辨不出重复消息',
  duplicate: '{node} 再次收到 {order}（{msgId}）：{outboxId} 已在收件箱表中（ERROR 1062），于是回滚并确认：不会第二次{what, select, credit {入账} other {发货}}（幂等）',
  fail: '{node} 无法处理 {order}（{error}）：已回滚，RECONSUME_LATER',
};
