import type { en } from './messages.en';

/** Simplified Chinese messages of `model.mq`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  timerFires: '定时器触发',
  timerCheck: '扫描半消息并回查',
  timerFlush: '把消费位点刷到磁盘',
  timerRetry: '一条重试消息到期',
  timerConsume: '某个消费者持有一条消息超过了 consumeTimeout',
  hello: '{client} 向 {node} 发送心跳{producer}{consumer}',
  helloProducer: '，作为生产者组 {group} 的生产者',
  helloConsumer: '，作为消费者组 {group} 的消费者，订阅 {topic}',
  storedHalf: '{node} 存下 {producer} 关于 {key} 的半消息（{msgId}）：已落盘，在 COMMIT 之前对消费者不可见',
  stored: '{node} 把 {key}（{msgId}）存入 {topic} 的队列 {queue}',
  endNotFound: '{producer} 对 {key} 回复 {resolution}，但 {node} 已不再持有那条半消息',
  endUnknown: '{producer} 对 {key} 回复 UNKNOWN：半消息保留，稍后再回查',
  endCommit: '{producer} {checked, select, yes {在回查时} other {}}对 {key} 回复 COMMIT：{node} 让它对消费者可见',
  endRollback: '{producer} {checked, select, yes {在回查时} other {}}对 {key} 回复 ROLLBACK：{node} 丢弃这条半消息',
  checkNobody: '{node} 本要回查 {key}（第 {n} 次，共 {max} 次），但生产者组 {group} 没有生产者在线：这次回查照样计数',
  check: '{node} 向 {producer} 回查 {key} 的结果：它的半消息已超过 transactionTimeOut（第 {n} 次，共 {max} 次）',
  discard: '{node} 在回查 {checks} 次后丢弃 {key} 的半消息：它永远不会被投递，也没有人会收到通知',
  deliver: '{node} 把 {key} 从 {from} 投递给 {consumer}{retry, plural, =0 {} other {（第 {retry} 次重试）}}',
  consumed: '{consumer} 消费了 {key}：{group} 的消费位点越过它',
  ackStale: '{consumer} 确认 {msgId}，但 {node} 早已把它收回：忽略',
  retry: '{key} 在 {group} 中消费失败（{why, select, timeout {持有超过 consumeTimeout} other {RECONSUME_LATER}}）：回到 {topic}，延迟级别 {level}，{delay} 后重试（第 {n} 次，最多 {max} 次）',
  dlq: '{key} 在 {group} 中已失败 {times} 次：进入 {topic}（死信队列），没有人消费它',
  requeue: '{consumer} 到 {node} 的连接断开：{keys} 回到 {group}，等待重新投递',
  recover: '{node} 恢复：磁盘上有 {messages} 条消息和 {half} 条半消息；从最后一次刷盘的位点继续消费',
};
