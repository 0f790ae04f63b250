import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.mq-consumer`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '消息队列消费者（消费者组成员）',
  tally: '已处理 {n} 条{twice}{failed}',
  twice: ' · {keys} 被处理了两次',
  failed: ' · {n} 条失败',
  handling: '正在处理 {key}{more} · {tally}',
  more: '（另有 {n} 条等待）',
  timerHello: '重新向 broker 注册',
  timerBeat: '向 broker 发送心跳',
  timerWork: '处理完这条消息',
  effectAgain: '{node} 再次处理 {key}（已是第 {times} 次）：它没有记录处理过哪些消息，所以重投的消息又生效了一次',
  effect: '{node} 处理 {key}，回复 CONSUME_SUCCESS',
  skip: '{node} 再次收到 {key}，在已处理消息表中找到了它：直接确认，不会二次生效（幂等）',
  fail: '{node} 处理 {key} 失败{retry}，回复 RECONSUME_LATER',
  retry: '（第 {n} 次重试）',
};
