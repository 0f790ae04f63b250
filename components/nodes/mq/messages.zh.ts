import type { en } from './messages.en';

/** Simplified Chinese messages of `node.mq`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  noTopics: '暂无 topic',
  queueTitle: '队列 {id}：存有 {total} 条消息',
  halfMessages: '半消息',
  halfTitle: '{key} 的半消息 {msgId}：对消费者不可见；已回查 {checks}/{max} 次',
  halfLine: '半消息 {key} · 回查 {checks}/{max}',
  discardedTitle: '最后一次回查后被丢弃的半消息：永远不会投递',
  discarded: '已丢弃：{keys}',
  groupCounts: ' · 已消费 {consumed} · 待消费 {remaining}',
  noConsumer: ' · 无消费者',
  outTitle: '已投递，尚未确认',
  out: '投递中：{list}',
  retryTitle: '{topic}：消费失败、等待延迟级别到期的消息',
  dlqTitle: '{topic}：没有任何消费者消费这些消息',
  summary: '待消费 {left} · 半消息 {half}{dlq, plural, =0 {} other { · 死信 #}}{discarded, plural, =0 {} other { · 已丢弃 #}}',
};
