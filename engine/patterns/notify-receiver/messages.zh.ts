import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.notify-receiver`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  view: '{orders} 笔中已知支付 {paid} 笔{twice, select, none {} other { · {twice} 入账两次}}{closed, select, none {} other { · 按未支付关闭：{closed}}}',
  timerAsk: '重新查询那些查询请求丢失的订单',
  timerHandled: '处理完这条通知',
  timerTimeout: '{order} 若仍未收到通知即超时',
  creditAgain: '{node} 再次为 {order} 入账（已 {times} 次）：它没有记录处理过的通知，无法幂等',
  creditQuery: '{node} 通过查询得知 {order} 已支付并入账：主动查询这张安全网兜住了通知漏掉的订单',
  credit: '{node} 为 {order} 入账并应答“success”',
  skip: '{node} 再次收到 {order} 的通知，发现已入账，直接应答“success”，不重复入账',
  query: '{node} 没有收到 {order} 的通知：调用平台的查询接口',
  close: '{node} 始终没收到 {order} 的支付通知，将其按未支付关闭',
  title: '被通知的商户（去重，主动回查）',
};
