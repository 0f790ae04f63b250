import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.notifier`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  view: '已支付 {paid} 笔 · 已通知 {done} 笔{closed, select, none {} other { · 已关闭 {closed}}}{gave, select, none {} other { · 已放弃 {gave}}}{busy, select, none {} other { · {busy}}}',
  viewTry: '{order} 第 {attempt}/{tries} 次',
  comma: '{a}，{b}',
  timerPay: '下一笔订单完成支付',
  timerTimeout: '通知调用没有应答：本次失败',
  timerRetry: '再次通知 {order}',
  paid: '{order} 在 {node} 支付成功：必须通知 {merchant}',
  call: '{node} 调用商户的通知地址（notify URL）通知 {order}（第 {attempt} 次，共 {tries} 次）',
  lastFailed: '{node} 对 {order} 的最后一次通知失败（{why}）',
  failed: '{node} 对 {order} 的通知失败（{why}）：{ms} ms 后重试，即通知时间表的下一步（按比例缩短）',
  done: '{node} 收到 {order} 的“success”：通知完成',
  giveup: '{node} 通知 {order} {attempts} 次后放弃：最大努力通知到此为止，商户只能主动查询',
  queried: '{merchant} 向 {node} 查询 {order}：{answer, select, paid {已支付} closed {未支付，且现已关闭：此后不会再有支付} other {未支付}}',
  refused: '买家试图在 {node} 支付 {order}，但 {merchant} 已关闭该交易：支付被拒绝',
  whyTimeout: '{ms} ms 内没有应答',
  whyAnswer: '应答为“{body}”',
  whyConnection: '{reason, select, reset {连接被重置} refused {连接被拒绝} eof {连接被对端关闭} timeout {连接超时} other {连接 {reason}}}',
  title: '通知方（最大努力通知，按服务商的重试时间表）',
};
