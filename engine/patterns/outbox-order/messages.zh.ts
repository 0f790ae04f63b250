import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.outbox-order`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '订单服务（订单行和本地消息表行在同一个本地事务中）',
  working: '{order}：订单行 + 本地消息表行，同一个事务 · 已下 {placed} 单',
  placed: '已下 {placed}/{orders} 单',
  timer: '下一笔订单',
  placedNarr: '{node} 在同一个本地事务中提交 {order} 和它在本地消息表中的行 {outboxId}（状态 new）：要么都成功，要么都不成功',
  failed: '{node} 为 {order} 开启的事务失败（{error}）：已回滚，订单行和本地消息表行一起撤销',
};
